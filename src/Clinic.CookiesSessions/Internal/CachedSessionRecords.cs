using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>How a <see cref="SessionRecord"/> is kept in an <see cref="IDistributedCache"/>: JSON bytes, expiring with the session.</summary>
internal static class CachedSessionRecords
{
    public static byte[] Serialize(SessionRecord record) => JsonSerializer.SerializeToUtf8Bytes(record);

    /// <summary>The cached record for <paramref name="key"/> if it decodes, belongs to that key and has not expired; otherwise null.</summary>
    public static SessionRecord? Decode(byte[]? bytes, string key, DateTime nowUtc, ILogger logger)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<SessionRecord>(bytes);
            return record is not null && record.Key == key && record.ExpiresUtc > nowUtc ? record : null;
        }
        catch (JsonException ex)
        {
            CookiesSessionsLog.SessionRecordCorrupt(logger, ex);
            return null;
        }
    }

    /// <summary>The entry expires when the session does (at least one second ahead, so the write is never a no-op).</summary>
    public static DistributedCacheEntryOptions EntryOptions(SessionRecord record, DateTime nowUtc)
    {
        var remaining = DateTime.SpecifyKind(record.ExpiresUtc, DateTimeKind.Utc) - nowUtc;
        return new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = remaining > TimeSpan.Zero ? remaining : TimeSpan.FromSeconds(1) };
    }
}
