using System.Globalization;
using System.Security.Cryptography;

namespace Clinic.Caching.Internal;

/// <summary>
/// Tokens unique across processes and time for ETags and vary-record generations: 8 random bytes drawn once per
/// process, then a counter, as 16 + 16 hex characters (no random-number call per response).
/// </summary>
internal static class UniqueTokens
{
    private static readonly string ProcessPart = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private static long _counter;

    public static string Next() =>
        string.Create(CultureInfo.InvariantCulture, $"{ProcessPart}{(ulong)Interlocked.Increment(ref _counter):x16}");
}
