using Microsoft.Extensions.Options;

namespace Clinic.Users.Internal;

/// <summary>Start-up validation of <see cref="ClinicUsersOptions"/>, with messages that say what to change.</summary>
internal sealed class ClinicUsersOptionsValidator : IValidateOptions<ClinicUsersOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicUsersOptions options)
    {
        var failures = new List<string>();
        if (options.PasswordIterations < 1_000)
        {
            failures.Add($"ClinicUsersOptions.PasswordIterations is {options.PasswordIterations}; set it to at least 1,000 (the default, {ClinicUsersDefaults.PasswordIterations:N0}, is the recommended minimum in production).");
        }

        if (options.MinimumPasswordLength < 1)
        {
            failures.Add($"ClinicUsersOptions.MinimumPasswordLength is {options.MinimumPasswordLength}; set it to 1 or more (default 8).");
        }

        if (options.MaximumPasswordLength < 64 || options.MaximumPasswordLength < options.MinimumPasswordLength)
        {
            failures.Add($"ClinicUsersOptions.MaximumPasswordLength is {options.MaximumPasswordLength}; set it to at least 64 and at least MinimumPasswordLength (default {ClinicUsersDefaults.MaximumPasswordLength:N0}).");
        }

        if (options.DefaultAppLabel is { } label && !IsLabel(label))
        {
            failures.Add($"ClinicUsersOptions.DefaultAppLabel \"{label}\" must be non-empty, at most 100 characters, without dots or white space (for example \"erp\").");
        }

        foreach (var (type, appLabel) in options.AppLabels)
        {
            if (!IsLabel(appLabel))
            {
                failures.Add($"ClinicUsersOptions.AppLabels[{type.Name}] \"{appLabel}\" must be non-empty, at most 100 characters, without dots or white space.");
            }
        }

        if (options.SessionStateCacheDuration <= TimeSpan.Zero)
        {
            failures.Add("ClinicUsersOptions.SessionStateCacheDuration must be positive (default 5 minutes).");
        }

        foreach (var (option, path) in new[] { (nameof(options.LoginPath), options.LoginPath), (nameof(options.LogoutPath), options.LogoutPath), (nameof(options.AccessDeniedPath), options.AccessDeniedPath ?? "/") })
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal))
            {
                failures.Add($"ClinicUsersOptions.{option} \"{path}\" must be a local path starting with a single \"/\" (for example \"/accounts/login/\").");
            }
        }

        foreach (var group in options.DefaultGroups)
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                failures.Add("ClinicUsersOptions.DefaultGroups contains an empty group name; remove it.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLabel(string label) =>
        !string.IsNullOrWhiteSpace(label) && label.Length <= 100 && !label.Contains('.', StringComparison.Ordinal) && !label.Any(char.IsWhiteSpace);
}
