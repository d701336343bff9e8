namespace Clinic.LoadTest;

/// <summary>A set of endpoints measured side by side; ratios are taken against <see cref="Baseline"/>.</summary>
internal sealed record Scenario(string Name, string Description, string Baseline, IReadOnlyList<Endpoint> Endpoints)
{
    /// <summary>Every scenario the harness knows. Package issues add theirs here and their endpoints to the host.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("rendering", "A plain endpoint writing precomputed bytes vs. the same page rendered per request (Razor component).",
            "plain",
            [new("plain", "/plain"), new("rendered", "/rendered")]),
        new("pagecount", "One small page not counted, counted by Clinic.PageCount (memory, written behind to SQLite every second), and counted with one UPDATE ... SET n = n + 1 per request on the same SQLite file.",
            "uncounted",
            [new("uncounted", "/pagecount/plain"), new("counted", "/pagecount/counted"), new("naive-update", "/pagecount/naive")]),
        new("caching", "A 2 KB page as precomputed bytes (the floor, also the uncached page) vs. cache hits from ASP.NET Core's output cache, its response caching, Clinic.Caching's memory, file and SQLite stores (and SQLite with a 1 s local copy), a Clinic.Caching miss, and Redis hits (output cache's Redis store, Clinic.Caching's distributed store, and with a 1 s local copy) on a throw-away redis-server.",
            "floor",
            [new("floor", "/caching/plain"), new("outputcache-hit", "/caching/outputcache"), new("responsecaching-hit", "/caching/responsecaching"),
             new("clinic-memory-hit", "/caching/clinic-memory"), new("clinic-file-hit", "/caching/clinic-file"), new("clinic-sqlite-hit", "/caching/clinic-sqlite"),
             new("clinic-sqlite-localcopy-hit", "/caching/clinic-sqlite-copy"),
             new("clinic-miss", "/caching/clinic-miss"),
             new("outputcache-redis-hit", "/caching/outputcache-redis"), new("clinic-redis-hit", "/caching/clinic-redis"),
             new("clinic-redis-localcopy-hit", "/caching/clinic-redis-copy")]),
        new("sessions", "One read-increment-write session request (sessions.lua keeps 64 session cookies per wrk thread, like browsers): ASP.NET Core's built-in session (AddSession/UseSession) vs. Clinic.CookiesSessions, each with an in-memory store and each with Redis on a throw-away redis-server, plus Clinic's EF Core store on SQLite.",
            "builtin-memory",
            [new("builtin-memory", "/sessions/builtin-memory", "sessions.lua"), new("clinic-memory", "/sessions/clinic-memory", "sessions.lua"),
             new("builtin-redis", "/sessions/builtin-redis", "sessions.lua"), new("clinic-redis", "/sessions/clinic-redis", "sessions.lua"),
             new("clinic-sqlite", "/sessions/clinic-sqlite", "sessions.lua")]),
    ];
}

/// <summary>One measured endpoint: a short label and the path (with query) on the host.</summary>
internal sealed record Endpoint(string Label, string Path, string? WrkScript = null)
{
    /// <summary>The absolute path of <see cref="WrkScript"/> (a Lua file in this project's folder), or null for plain GETs.</summary>
    public string? WrkScriptPath(string repositoryRoot) =>
        WrkScript is null ? null : System.IO.Path.Combine(repositoryRoot, "benchmarks", "Clinic.LoadTest", WrkScript);
}
