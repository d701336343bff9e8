namespace Clinic.CookiesSessions;

/// <summary>Settings of the Django-compatible signer (the counterparts of Django's signing settings).</summary>
public sealed class DjangoSigningOptions
{
    /// <summary>Django's <c>SECRET_KEY</c>. Required: start-up fails while it is empty.</summary>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Django's <c>SECRET_KEY_FALLBACKS</c>: older keys that verify but never sign. Empty by default.</summary>
    public IList<string> SecretKeyFallbacks { get; } = [];

    /// <summary>The hash that signs; <see cref="SigningAlgorithm.Sha256"/> by default (Django's <c>DEFAULT_HASHING_ALGORITHM</c>).</summary>
    public SigningAlgorithm Algorithm { get; set; } = SigningAlgorithm.Sha256;

    /// <summary>Also accept HMAC-SHA1 signatures written by Django 3.0 or older. <see langword="false"/> by default.</summary>
    public bool AcceptLegacySha1 { get; set; }

    /// <summary>How cookie name and salt combine; <see cref="DjangoCookieSaltMode.Concatenate"/> (Django 3.2's rule) by default.</summary>
    public DjangoCookieSaltMode CookieSaltMode { get; set; } = DjangoCookieSaltMode.Concatenate;
}
