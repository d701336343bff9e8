namespace Clinic.CookiesSessions;

/// <summary>
/// Signs cookie values and verifies them on the way back. Two implementations ship: one on ASP.NET Core Data
/// Protection (the default; purpose = cookie name and salt, keys from the app's key ring) and one compatible with
/// Django's <c>set_signed_cookie</c>/<c>get_signed_cookie</c> (chosen with <c>UseDjangoCookieSigner</c>).
/// </summary>
public interface ICookieSigner
{
    /// <summary>Signs <paramref name="value"/> for the cookie <paramref name="cookieName"/> and <paramref name="salt"/>, stamped with the current time.</summary>
    /// <param name="cookieName">The cookie's name; part of what the signature is bound to.</param>
    /// <param name="value">The value to sign.</param>
    /// <param name="salt">A namespace for this use of the cookie; may be empty.</param>
    /// <returns>The cookie value to send.</returns>
    string Sign(string cookieName, string value, string salt);

    /// <summary>Verifies a cookie value made by <see cref="Sign"/>. Never throws for bad input.</summary>
    /// <param name="cookieName">The cookie's name.</param>
    /// <param name="signedValue">The value the client sent.</param>
    /// <param name="salt">The salt used when signing.</param>
    /// <param name="maxAge">The largest age accepted (equal is valid); <see langword="null"/> for none.</param>
    /// <returns>The value, or why there is none.</returns>
    SignedCookieResult Unsign(string cookieName, string signedValue, string salt, TimeSpan? maxAge);
}
