using System.Diagnostics.CodeAnalysis;

namespace Clinic.CookiesSessions;

/// <summary>
/// A signed value did not verify: it was tampered with, signed with another key or salt, or is malformed.
/// Named after Django's <c>django.core.signing.BadSignature</c> so Django developers recognise it.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Mirrors Django's name.")]
public class BadSignature : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public BadSignature()
        : base("The signature does not match.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed. Never contains the signed value or the key.</param>
    public BadSignature(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    /// <param name="message">What failed. Never contains the signed value or the key.</param>
    /// <param name="innerException">The underlying failure (for example an invalid JSON payload).</param>
    public BadSignature(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
