namespace Clinic.CookiesSessions;

/// <summary>
/// The cached-database store could not update or evict the cache copy of a session after changing the database. The
/// database holds the change, but the old copy could be served once the cache answers again, so the operation is
/// reported as failed rather than silently accepted. Retrying when the cache is back is safe.
/// </summary>
public sealed class SessionCacheUnavailableException : Exception
{
    private const string DefaultMessage =
        "The session cache could not be updated or cleared after the database was changed; the request is failed so a stale copy is never served silently.";

    /// <summary>Creates the exception with a generic message.</summary>
    public SessionCacheUnavailableException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public SessionCacheUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cache's error.</param>
    public SessionCacheUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the generic message and the cache's error.</summary>
    /// <param name="innerException">The cache's error.</param>
    internal SessionCacheUnavailableException(Exception innerException)
        : base(DefaultMessage, innerException)
    {
    }
}
