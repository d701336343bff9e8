using Microsoft.Extensions.Options;

namespace Clinic.Caching.Internal;

/// <summary>Checks <see cref="CachingOptions"/> at start-up with messages that say what to change.</summary>
internal sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options)
    {
        var failures = new List<string>();
        if (options.DefaultTimeout < TimeSpan.FromSeconds(1) || options.DefaultTimeout > TimeSpan.FromDays(365))
        {
            failures.Add($"CachingOptions.DefaultTimeout is {options.DefaultTimeout}; set it between 1 second and 365 days (default 600 seconds).");
        }

        if (options.KeyPrefix is null || options.KeyPrefix.Length > 64 || options.KeyPrefix.Any(char.IsControl))
        {
            failures.Add("CachingOptions.KeyPrefix must be at most 64 characters without control characters (default empty).");
        }

        if (options.MaximumBodySize < 1 || options.MaximumBodySize > 1024L * 1024 * 1024)
        {
            failures.Add($"CachingOptions.MaximumBodySize is {options.MaximumBodySize}; set it between 1 byte and 1 GiB (default 1 MiB).");
        }

        if (options.MemorySizeLimit < 1024)
        {
            failures.Add($"CachingOptions.MemorySizeLimit is {options.MemorySizeLimit}; set it to at least 1024 bytes (default 100 MiB).");
        }

        if (options.StampedeTimeout < TimeSpan.Zero || options.StampedeTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"CachingOptions.StampedeTimeout is {options.StampedeTimeout}; set it between zero (off) and 5 minutes (default 10 seconds).");
        }

        if (options.LocalCopyDuration < TimeSpan.Zero || options.LocalCopyDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"CachingOptions.LocalCopyDuration is {options.LocalCopyDuration}; set it between zero (off) and 1 hour (default zero).");
        }

        if (string.IsNullOrWhiteSpace(options.DiagnosticHeaderName) || options.DiagnosticHeaderName.Any(c => c <= ' ' || c >= 127 || c == ':'))
        {
            failures.Add("CachingOptions.DiagnosticHeaderName must be a valid header name such as X-Clinic-Cache.");
        }

        foreach (var path in options.ExcludedPaths)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length == 1)
            {
                failures.Add($"CachingOptions.ExcludedPaths contains '{path}'; each entry must be a path prefix such as /admin.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
