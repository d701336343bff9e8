namespace Clinic.CookiesSessions;

/// <summary>The outcome of reading a signed cookie: the value when <see cref="Status"/> is <see cref="SignedCookieStatus.Valid"/>, otherwise why not.</summary>
/// <param name="Status">Why the cookie was or was not accepted.</param>
/// <param name="Value">The verified value; <see langword="null"/> unless <see cref="Status"/> is <see cref="SignedCookieStatus.Valid"/>.</param>
public readonly record struct SignedCookieResult(SignedCookieStatus Status, string? Value)
{
    /// <summary>Whether the cookie is present and valid.</summary>
    public bool IsValid => Status == SignedCookieStatus.Valid;

    /// <summary>A valid result.</summary>
    /// <param name="value">The verified value.</param>
    /// <returns>The result.</returns>
    public static SignedCookieResult Valid(string value) => new(SignedCookieStatus.Valid, value);

    /// <summary>A failed result.</summary>
    /// <param name="status">Why.</param>
    /// <returns>The result.</returns>
    public static SignedCookieResult Failed(SignedCookieStatus status) => new(status, null);
}
