namespace Clinic.CookiesSessions;

/// <summary>Why a signed cookie was or was not accepted.</summary>
public enum SignedCookieStatus
{
    /// <summary>The signature is valid and the value is young enough.</summary>
    Valid = 0,

    /// <summary>The request has no such cookie.</summary>
    Missing = 1,

    /// <summary>The value is not in the signer's format (no separator, invalid base64, too short).</summary>
    Malformed = 2,

    /// <summary>The signature does not match: tampered, another key, another salt or cookie name, or a future timestamp.</summary>
    BadSignature = 3,

    /// <summary>The signature is valid but older than the maximum age.</summary>
    Expired = 4,
}
