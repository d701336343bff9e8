using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Start-up checks of <see cref="DjangoSigningOptions"/>.</summary>
internal sealed class DjangoSigningOptionsValidator : IValidateOptions<DjangoSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, DjangoSigningOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SecretKey))
        {
            failures.Add("DjangoSigningOptions.SecretKey is empty: set it to the Django project's SECRET_KEY (from configuration or a secret store, never source code).");
        }

        if (options.SecretKeyFallbacks.Any(string.IsNullOrEmpty))
        {
            failures.Add("DjangoSigningOptions.SecretKeyFallbacks contains an empty key: remove it.");
        }

        if (!Enum.IsDefined(options.Algorithm))
        {
            failures.Add("DjangoSigningOptions.Algorithm must be Sha256, Sha1, Sha384 or Sha512.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
