using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>Checks <see cref="ProfileOrphanCleanupOptions"/> at start-up with messages that say what to change.</summary>
internal sealed class ProfileOrphanCleanupOptionsValidator : IValidateOptions<ProfileOrphanCleanupOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfileOrphanCleanupOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMinutes(1) || options.Interval > TimeSpan.FromDays(7))
        {
            failures.Add($"ProfileOrphanCleanupOptions.Interval is {options.Interval}; set it between one minute and seven days (default one hour).");
        }

        if (options.GracePeriod < TimeSpan.FromMinutes(1))
        {
            failures.Add($"ProfileOrphanCleanupOptions.GracePeriod is {options.GracePeriod}; set it to at least one minute, longer than an upload takes to commit (default one hour).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
