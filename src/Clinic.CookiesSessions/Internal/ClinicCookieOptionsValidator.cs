using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Start-up checks of <see cref="ClinicCookieOptions"/>, with messages that say what to fix.</summary>
internal sealed class ClinicCookieOptionsValidator : IValidateOptions<ClinicCookieOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicCookieOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/' || HasUnsafeChar(options.Path))
        {
            failures.Add("ClinicCookieOptions.Path must start with '/' and contain no ';' or control characters.");
        }

        if (options.Domain is not null && (options.Domain.Length == 0 || HasUnsafeChar(options.Domain)))
        {
            failures.Add("ClinicCookieOptions.Domain must be null (host-only cookies) or a host name without ';' or control characters.");
        }

        if (options.MaxCookieSize is < 64 or > ClinicCookieOptions.BrowserCookieLimit)
        {
            failures.Add($"ClinicCookieOptions.MaxCookieSize must be between 64 and {ClinicCookieOptions.BrowserCookieLimit} bytes (browsers drop larger cookies).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasUnsafeChar(string value) => value.Any(c => c == ';' || char.IsControl(c));
}
