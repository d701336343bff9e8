using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Internal;

/// <summary>Checks <see cref="PageCountOptions"/> at start-up, with messages that say what to change.</summary>
internal sealed class PageCountOptionsValidator : IValidateOptions<PageCountOptions>
{
    public ValidateOptionsResult Validate(string? name, PageCountOptions options)
    {
        var failures = new List<string>();
        if (options.FlushInterval < TimeSpan.FromMilliseconds(50) || options.FlushInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"PageCountOptions.FlushInterval must be between 50 ms and 1 hour (it is {options.FlushInterval}); the default is 1 second.");
        }

        if (options.MaxPages is < 1 or > 1_000_000)
        {
            failures.Add($"PageCountOptions.MaxPages must be between 1 and 1,000,000 (it is {options.MaxPages}).");
        }

        if (options.MaxKeyLength is < 16 or > 2048)
        {
            failures.Add($"PageCountOptions.MaxKeyLength must be between 16 and 2,048 characters (it is {options.MaxKeyLength}).");
        }

        if (options.IdleFlushesBeforeEviction < 1)
        {
            failures.Add($"PageCountOptions.IdleFlushesBeforeEviction must be at least 1 (it is {options.IdleFlushesBeforeEviction}).");
        }

        if (options.MaxPendingVisitors is < 1 or > 10_000_000)
        {
            failures.Add($"PageCountOptions.MaxPendingVisitors must be between 1 and 10,000,000 (it is {options.MaxPendingVisitors}).");
        }

        if (options.ShutdownFlushAttempts < 1)
        {
            failures.Add($"PageCountOptions.ShutdownFlushAttempts must be at least 1 (it is {options.ShutdownFlushAttempts}).");
        }

        if (options.VisitorHashKey is { Length: < 16 })
        {
            failures.Add("PageCountOptions.VisitorHashKey must be at least 16 characters long (use a random secret shared by every instance), or null for a random key per process.");
        }

        if (!Enum.IsDefined(options.KeyBy) || !Enum.IsDefined(options.UniqueVisitors))
        {
            failures.Add("PageCountOptions.KeyBy and PageCountOptions.UniqueVisitors must be named values of their enums.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
