using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Start-up checks of <see cref="ClinicSessionOptions"/>.</summary>
internal sealed class ClinicSessionOptionsValidator : IValidateOptions<ClinicSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicSessionOptions options)
    {
        var failures = new List<string>();
        try
        {
            CookieWriter.ValidateName(options.CookieName);
        }
        catch (ArgumentException)
        {
            failures.Add("ClinicSessionOptions.CookieName must be a non-empty HTTP token (letters, digits and !#$%&'*+-.^_`|~).");
        }

        if (options.DefaultExpiry <= TimeSpan.Zero)
        {
            failures.Add("ClinicSessionOptions.DefaultExpiry must be positive (Django's default is 14 days).");
        }

        if (string.IsNullOrEmpty(options.CookiePath) || options.CookiePath[0] != '/')
        {
            failures.Add("ClinicSessionOptions.CookiePath must start with '/'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
