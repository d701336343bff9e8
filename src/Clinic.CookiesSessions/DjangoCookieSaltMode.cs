namespace Clinic.CookiesSessions;

/// <summary>How the Django-compatible cookie signer turns a cookie name and a salt into the signer's salt.</summary>
public enum DjangoCookieSaltMode
{
    /// <summary>
    /// <c>name + salt</c>, as Django's <c>set_signed_cookie</c>/<c>get_signed_cookie</c> did up to the CVE-2026-6873
    /// fix: cookies interoperate with those Django versions (3.2 included), but the pair is not injective —
    /// (<c>"ab"</c>, <c>"c"</c>) and (<c>"a"</c>, <c>"bc"</c>) share a key, so a value signed for one cookie verifies
    /// for the other. Never let untrusted input choose a cookie name or salt in this mode. The default, for migration.
    /// </summary>
    Concatenate = 0,

    /// <summary>
    /// <c>length(name) + ":" + name + salt</c>: injective in (name, salt), so no two cookies share a key. Clinic's
    /// own format: values are not readable by Django versions that concatenate.
    /// </summary>
    LengthPrefixed = 1,
}
