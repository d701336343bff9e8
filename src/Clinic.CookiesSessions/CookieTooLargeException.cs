namespace Clinic.CookiesSessions;

/// <summary>A cookie would be larger than browsers keep (4096 bytes for name and value), so it is refused instead of silently dropped.</summary>
public sealed class CookieTooLargeException : InvalidOperationException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CookieTooLargeException()
        : base("The cookie is larger than browsers accept.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">The cookie name and sizes; never the value.</param>
    public CookieTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">The cookie name and sizes.</param>
    /// <param name="innerException">The cause.</param>
    public CookieTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
