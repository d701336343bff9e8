using System.Diagnostics.Metrics;

namespace Clinic.CookiesSessions.Internal;

/// <summary>The package's counters on the <c>Clinic.CookiesSessions</c> meter.</summary>
internal sealed class CookiesSessionsMetrics : IDisposable
{
    public const string MeterName = "Clinic.CookiesSessions";

    private readonly Meter _meter;

    public CookiesSessionsMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        SignedCookiesRejected = _meter.CreateCounter<long>("clinic.signed_cookies.rejected", description: "Signed cookies treated as absent, by reason.");
        SessionsCreated = _meter.CreateCounter<long>("clinic.sessions.created", description: "New session keys issued.");
        SessionsSaved = _meter.CreateCounter<long>("clinic.sessions.saved", description: "Sessions written to the store.");
        SessionsExpired = _meter.CreateCounter<long>("clinic.sessions.expired", description: "Expired sessions removed.");
        SessionCacheHits = _meter.CreateCounter<long>("clinic.sessions.cache.hits", description: "Cached-database store: sessions read from the cache.");
        SessionCacheMisses = _meter.CreateCounter<long>("clinic.sessions.cache.misses", description: "Cached-database store: sessions read from the database.");
    }

    public Counter<long> SignedCookiesRejected { get; }

    public Counter<long> SessionsCreated { get; }

    public Counter<long> SessionsSaved { get; }

    public Counter<long> SessionsExpired { get; }

    public Counter<long> SessionCacheHits { get; }

    public Counter<long> SessionCacheMisses { get; }

    public void Dispose() => _meter.Dispose();
}
