using System.Security.Cryptography;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Session keys as Django makes them: 32 characters of <c>[a-z0-9]</c> from a CSPRNG (≈165 bits).</summary>
internal static class SessionKeys
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    public const int Length = 32;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>8 to 64 characters of <c>[a-z0-9]</c>: ours and Django's keys pass; paths, dots and separators never do.</summary>
    public static bool IsValid(string? key)
    {
        if (key is null || key.Length is < 8 or > 64)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    public static void Validate(string key)
    {
        if (!IsValid(key))
        {
            throw new InvalidSessionKeyException();
        }
    }
}
