using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Sessions;

public sealed class ClinicSessionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ClinicSessionOptions _options = new();

    private ClinicSession NewSession(IClinicSessionStore store, string? key = null) =>
        new(key, store, _options, _clock, NullLogger.Instance, new CookiesSessionsMetrics(null));

    [Fact]
    public async Task TypedAndByteValues_RoundTripThroughStore()
    {
        var store = new InMemorySessionStore(_clock);
        var session = NewSession(store);
        await session.LoadAsync();
        session.SetJson("cart", new[] { 1, 2, 3 });
        session.SetInt32("count", 42);
        session.Set("bytes", [0xff, 0xfe, 0x00]);
        session.SetString("name", "Zoë");
        await session.SaveAsync(CancellationToken.None);

        var again = NewSession(store, session.Id);
        await again.LoadAsync();

        Assert.Equal([1, 2, 3], again.GetJson<int[]>("cart")!);
        Assert.Equal(42, again.GetInt32("count"));
        Assert.True(again.TryGetValue("bytes", out var bytes));
        Assert.Equal(new byte[] { 0xff, 0xfe, 0x00 }, bytes);
        Assert.Equal("Zoë", again.GetString("name"));
        Assert.Equal(["bytes", "cart", "count", "name"], again.Keys.Order());
    }

    [Fact]
    public async Task Accessors_BeforeLoad_ThrowClearError()
    {
        var session = NewSession(new InMemorySessionStore(_clock));
        var ex = Assert.Throws<InvalidOperationException>(() => session.SetString("a", "b"));
        Assert.Contains("UseClinicSessions", ex.Message, StringComparison.Ordinal);
        await session.LoadAsync();
        Assert.False(session.IsModified);
    }

    [Fact]
    public async Task Expiry_Variants_FollowDjango()
    {
        var session = NewSession(new InMemorySessionStore(_clock));
        await session.LoadAsync();

        Assert.Equal(TimeSpan.FromDays(14), session.GetExpiryAge());
        Assert.False(session.GetExpireAtBrowserClose());

        session.SetExpiry(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromMinutes(5), session.GetExpiryAge());
        Assert.Equal(_clock.GetUtcNow().AddMinutes(5), session.GetExpiryDate());

        session.SetExpiry(_clock.GetUtcNow().AddHours(2));
        Assert.Equal(TimeSpan.FromHours(2), session.GetExpiryAge());

        session.SetExpiry(TimeSpan.Zero);
        Assert.True(session.GetExpireAtBrowserClose());
        Assert.Equal(TimeSpan.FromDays(14), session.GetExpiryAge());

        session.SetExpiry(null);
        Assert.False(session.GetExpireAtBrowserClose());
    }

    [Fact]
    public async Task SetExpiry_SurvivesReloadFromStore()
    {
        var store = new InMemorySessionStore(_clock);
        var session = NewSession(store);
        await session.LoadAsync();
        session.SetString("a", "b");
        session.SetExpiry(TimeSpan.FromMinutes(7));
        await session.SaveAsync(CancellationToken.None);

        var again = NewSession(store, session.Id);
        await again.LoadAsync();

        Assert.Equal(TimeSpan.FromMinutes(7), again.GetExpiryAge());
        Assert.Equal(_clock.GetUtcNow().AddMinutes(7).UtcDateTime, (await store.LoadAsync(session.Id, CancellationToken.None))!.ExpiresUtc);
    }

    [Fact]
    public async Task CorruptRecord_ReadsAsEmptyNewSession()
    {
        var store = new InMemorySessionStore(_clock);
        var key = SessionKeys.New();
        await store.CreateAsync(new SessionRecord { Key = key, Data = "{not json", ExpiresUtc = _clock.GetUtcNow().UtcDateTime.AddHours(1) }, CancellationToken.None);

        var session = NewSession(store, key);
        await session.LoadAsync();

        Assert.Equal(string.Empty, session.Id);
        Assert.Empty(session.Keys);
    }

    [Fact]
    [Trait("Case", "SESS-01")]
    public void NewKeys_ManyKeys_UniqueAllowListedAndUniform()
    {
        const int count = 200_000;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var frequency = new long[SessionKeys.Alphabet.Length];
        for (var i = 0; i < count; i++)
        {
            var key = SessionKeys.New();
            Assert.True(keys.Add(key));
            Assert.True(SessionKeys.IsValid(key) && key.Length == 32);
            foreach (var c in key)
            {
                frequency[SessionKeys.Alphabet.IndexOf(c, StringComparison.Ordinal)]++;
            }
        }

        // Chi-square over 36 symbols (35 degrees of freedom): the 0.001 critical value is 66.62.
        var expected = count * 32.0 / SessionKeys.Alphabet.Length;
        var chiSquare = frequency.Sum(f => (f - expected) * (f - expected) / expected);
        Assert.True(chiSquare < 66.62, $"chi-square {chiSquare}");

        // 32 symbols of 36: log2(36^32) ≈ 165 bits (at least 128 required).
        Assert.True(32 * Math.Log2(36) >= 128);
    }
}
