using System.Diagnostics.CodeAnalysis;

namespace Clinic.CookiesSessions;

/// <summary>
/// A signature is valid but its timestamp is older than the maximum age the reader allows.
/// Named after Django's <c>django.core.signing.SignatureExpired</c>; like there, it is a <see cref="BadSignature"/>.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Mirrors Django's name.")]
public sealed class SignatureExpired : BadSignature
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SignatureExpired()
        : base("The signature has expired.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">The age and the maximum age.</param>
    public SignatureExpired(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">The age and the maximum age.</param>
    /// <param name="innerException">The underlying failure.</param>
    public SignatureExpired(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
