using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions;

/// <summary>
/// Django's cookie helpers on ASP.NET Core's request and response: <c>get_cookie</c>, <c>set_cookie</c>,
/// <c>delete_cookie</c>, <c>set_signed_cookie</c> and <c>get_signed_cookie</c>, with the defaults of
/// <see cref="ClinicCookieOptions"/> (HttpOnly, SameSite=Lax, Secure on HTTPS, Path=/).
/// </summary>
public static class CookieHttpExtensions
{
    private static readonly ClinicCookieOptions DefaultOptions = new();

    /// <summary>The value of the cookie <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie name.</param>
    /// <returns>The value as the client sent it.</returns>
    public static string? GetCookie(this HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        return request.Cookies[name];
    }

    /// <summary>Adds a <c>Set-Cookie</c> header (replacing an earlier one for the same name in this response).</summary>
    /// <param name="response">The response; its headers must not have been sent.</param>
    /// <param name="name">The cookie name (an HTTP token).</param>
    /// <param name="value">The value; characters outside RFC 6265's cookie-octets (and <c>%</c>) are percent-encoded.</param>
    /// <param name="settings">Overrides of the defaults for this cookie (max age, expiry date, path, ...).</param>
    /// <exception cref="CookieTooLargeException">Name and value exceed <see cref="ClinicCookieOptions.MaxCookieSize"/> bytes.</exception>
    /// <exception cref="ArgumentException">The name is not a token, or a <c>__Host-</c> cookie has a Domain or a Path other than <c>/</c>.</exception>
    public static void SetCookie(this HttpResponse response, string name, string value, CookieSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var services = response.HttpContext.RequestServices;
        CookieWriter.Write(response, name, value, settings, Options(services), Time(services));
    }

    /// <summary>
    /// Expires the cookie in the browser, with the same Path and Domain as it was set with (the defaults, or those in
    /// <paramref name="settings"/>): an empty value, <c>Max-Age=0</c> and an expiry date in 1970.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The cookie name.</param>
    /// <param name="settings">The Path/Domain the cookie was set with when they differ from the defaults.</param>
    public static void DeleteCookie(this HttpResponse response, string name, CookieSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var services = response.HttpContext.RequestServices;
        CookieWriter.Delete(response, name, settings, Options(services), Time(services));
    }

    /// <summary>Signs <paramref name="value"/> with the registered <see cref="ICookieSigner"/> and sets it as a cookie.</summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The cookie name; the signature is bound to it.</param>
    /// <param name="value">The value.</param>
    /// <param name="salt">A namespace for this use; empty by default.</param>
    /// <param name="settings">Overrides of the cookie defaults.</param>
    /// <exception cref="CookieTooLargeException">The signed cookie would exceed the size limit.</exception>
    public static void SetSignedCookie(this HttpResponse response, string name, string value, string salt = "", CookieSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var services = response.HttpContext.RequestServices;
        var signed = Signer(services).Sign(name, value, salt);
        CookieWriter.Write(response, name, signed, settings, Options(services), Time(services));
    }

    /// <summary>
    /// The verified value of a signed cookie, or <see langword="null"/> when it is missing, malformed, tampered, signed
    /// for another name or salt, or older than <paramref name="maxAge"/>. Use <see cref="ReadSignedCookie"/> to learn why.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie name.</param>
    /// <param name="salt">The salt it was signed with.</param>
    /// <param name="maxAge">The largest age accepted; none by default.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public static string? GetSignedCookie(this HttpRequest request, string name, string salt = "", TimeSpan? maxAge = null) =>
        request.ReadSignedCookie(name, salt, maxAge).Value;

    /// <summary>Reads and verifies a signed cookie, telling why it was rejected. Never throws for bad cookie input.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie name.</param>
    /// <param name="salt">The salt it was signed with.</param>
    /// <param name="maxAge">The largest age accepted; none by default.</param>
    /// <returns>The value, or the reason there is none.</returns>
    public static SignedCookieResult ReadSignedCookie(this HttpRequest request, string name, string salt = "", TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var signer = Signer(request.HttpContext.RequestServices);
        var raw = request.Cookies[name];
        return raw is null ? SignedCookieResult.Failed(SignedCookieStatus.Missing) : signer.Unsign(name, raw, salt, maxAge);
    }

    private static ClinicCookieOptions Options(IServiceProvider? services) =>
        services?.GetService<IOptions<ClinicCookieOptions>>()?.Value ?? DefaultOptions;

    private static TimeProvider Time(IServiceProvider? services) => services?.GetService<TimeProvider>() ?? TimeProvider.System;

    private static ICookieSigner Signer(IServiceProvider? services) =>
        services?.GetService<ICookieSigner>() ?? throw new InvalidOperationException(
            "Signed cookies need a signer: call services.AddClinicCookies() (or AddClinicSessions()) at start-up.");
}
