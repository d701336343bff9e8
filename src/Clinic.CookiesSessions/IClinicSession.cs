using Microsoft.AspNetCore.Http;

namespace Clinic.CookiesSessions;

/// <summary>
/// ASP.NET Core's <see cref="ISession"/> plus Django's operations. <c>HttpContext.Session</c> is this object when
/// <c>UseClinicSessions()</c> runs; <c>HttpContext.GetClinicSession()</c> returns it typed.
/// </summary>
public interface IClinicSession : ISession
{
    /// <summary>Whether the session has changed in this request (and so will be saved).</summary>
    bool IsModified { get; }

    /// <summary>Gives the session a new key, keeping its data, and deletes the old record (call at sign-in: no fixation).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task CycleKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the session's data and record and forgets its key (call at sign-out).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets this session's lifetime: a positive span from now (refreshed on each save), <see cref="TimeSpan.Zero"/> for
    /// "until the browser closes", or <see langword="null"/> for the configured default.
    /// </summary>
    /// <param name="expiry">The lifetime.</param>
    void SetExpiry(TimeSpan? expiry);

    /// <summary>Makes the session expire at a fixed date.</summary>
    /// <param name="expiresAt">The date.</param>
    void SetExpiry(DateTimeOffset expiresAt);

    /// <summary>Seconds until the session expires if saved now (Django's <c>get_expiry_age</c>).</summary>
    /// <returns>The age.</returns>
    TimeSpan GetExpiryAge();

    /// <summary>When the session expires if saved now (Django's <c>get_expiry_date</c>).</summary>
    /// <returns>The date.</returns>
    DateTimeOffset GetExpiryDate();

    /// <summary>Whether the cookie is a browser-session cookie (Django's <c>get_expire_at_browser_close</c>).</summary>
    /// <returns>Whether it expires when the browser closes.</returns>
    bool GetExpireAtBrowserClose();

    /// <summary>Reads a JSON value.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="key">The name.</param>
    /// <returns>The value, or the default when absent or of another shape.</returns>
    T? GetJson<T>(string key);

    /// <summary>Stores a value as JSON (readable by Django when migrating back and forth).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="key">The name.</param>
    /// <param name="value">The value.</param>
    void SetJson<T>(string key, T value);
}
