namespace Clinic.CookiesSessions;

/// <summary>A session key is not 8 to 64 characters of <c>[a-z0-9]</c>; stores refuse it before touching storage.</summary>
public sealed class InvalidSessionKeyException : ArgumentException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidSessionKeyException()
        : base("The session key is invalid: it must be 8 to 64 characters of [a-z0-9].")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong; never the key itself.</param>
    public InvalidSessionKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidSessionKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
