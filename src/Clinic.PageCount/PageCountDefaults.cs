namespace Clinic.PageCount;

/// <summary>Default values of <see cref="PageCountOptions"/>.</summary>
public static class PageCountDefaults
{
    /// <summary>1 second.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>10,000 distinct counters per process.</summary>
    public const int MaxPages = 10_000;

    /// <summary>256 characters.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>300 idle flushes (5 minutes at the default interval).</summary>
    public const int IdleFlushesBeforeEviction = 300;

    /// <summary>100,000 pending unique-visitor records.</summary>
    public const int MaxPendingVisitors = 100_000;

    /// <summary>3 attempts.</summary>
    public const int ShutdownFlushAttempts = 3;

    /// <summary>User-agent substrings of common crawlers, monitors and scripted clients.</summary>
    public static IReadOnlyList<string> BotUserAgents { get; } =
    [
        "bot", "crawl", "spider", "slurp", "facebookexternalhit", "headlesschrome", "python-requests",
        "curl/", "wget/", "go-http-client", "scrapy", "monitor",
    ];
}
