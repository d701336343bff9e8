namespace Clinic.CookiesSessions;

/// <summary>
/// The session was deleted (for example by a concurrent logout) while this request was using it, so its changes are
/// not saved: the session is never resurrected (Django's <c>SessionInterrupted</c>). The middleware answers 400.
/// </summary>
public sealed class SessionInterruptedException : InvalidOperationException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SessionInterruptedException()
        : base("The session was deleted before the request finished; its changes were not saved.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public SessionInterruptedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public SessionInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
