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

    /// <summary>A token in double quotes (an entity tag), in one allocation.</summary>
    public static string NextQuoted() =>
        string.Create(CultureInfo.InvariantCulture, $"\"{ProcessPart}{(ulong)Interlocked.Increment(ref _counter):x16}\"");

    public static string Next() =>
        string.Create(CultureInfo.InvariantCulture, $"{ProcessPart}{(ulong)Interlocked.Increment(ref _counter):x16}");
}
