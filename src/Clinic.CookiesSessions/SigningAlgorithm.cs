namespace Clinic.CookiesSessions;

/// <summary>
/// The hash a Django-compatible <see cref="Signer"/> uses, both for deriving the per-salt key and for the HMAC.
/// The names match Python's <c>hashlib</c> names that Django accepts for <c>Signer(algorithm=...)</c>.
/// </summary>
public enum SigningAlgorithm
{
    /// <summary><c>sha256</c>: Django's default since 3.1 and the default here.</summary>
    Sha256 = 0,

    /// <summary><c>sha1</c>: the legacy algorithm of Django up to 3.0. Prefer verifying it only (see <c>acceptLegacySha1</c>).</summary>
    Sha1 = 1,

    /// <summary><c>sha384</c>.</summary>
    Sha384 = 2,

    /// <summary><c>sha512</c>.</summary>
    Sha512 = 3,
}
