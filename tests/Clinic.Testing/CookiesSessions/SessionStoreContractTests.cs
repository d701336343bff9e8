using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Clinic.Testing.CookiesSessions;

/// <summary>
/// What every Clinic.CookiesSessions session store must do (Django's <c>SessionTestsMixin</c> idea). A store's test
/// class inherits this and forwards the five operations to its store, which must read the time from <see cref="Time"/>.
/// This project does not reference the package, so the operations use plain values.
/// </summary>
public abstract class SessionStoreContractTests
{
    /// <summary>The clock the store under test was given.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Whether the store drops expired entries by itself (so <see cref="DeleteExpiredAsync"/> returns 0).</summary>
    protected virtual bool ExpiresEntriesItself => false;

    protected DateTime Future => Time.GetUtcNow().UtcDateTime.AddHours(1);

    protected abstract Task<(string Data, DateTime ExpiresUtc)?> LoadAsync(string key);

    protected abstract Task<bool> CreateAsync(string key, string data, DateTime expiresUtc);

    protected abstract Task<bool> UpdateAsync(string key, string data, DateTime expiresUtc);

    protected abstract Task DeleteAsync(string key);

    protected abstract Task<int> DeleteExpiredAsync();

    protected static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    [Trait("Case", "SESS-02")]
    public async Task Load_UnknownKey_ReturnsNull()
    {
        Assert.Null(await LoadAsync(NewKey()));
    }

    [Fact]
    public async Task Create_ThenLoad_ReturnsDataAndExpiry()
    {
        var key = NewKey();
        var expires = Future;

        Assert.True(await CreateAsync(key, "{\"a\":\"é☃\"}", expires));

        var loaded = await LoadAsync(key);
        Assert.NotNull(loaded);
        Assert.Equal("{\"a\":\"é☃\"}", loaded.Value.Data);
        Assert.Equal(expires, DateTime.SpecifyKind(loaded.Value.ExpiresUtc, DateTimeKind.Utc), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Create_LargeData_RoundTrips()
    {
        var key = NewKey();
        var data = "{\"big\":\"" + new string('x', 200_000) + "\"}";
        Assert.True(await CreateAsync(key, data, Future));
        Assert.Equal(data, (await LoadAsync(key))!.Value.Data);
    }

    [Fact]
    [Trait("Case", "SESS-01")]
    public async Task Create_ExistingKey_ReturnsFalseAndKeepsOriginal()
    {
        var key = NewKey();
        await CreateAsync(key, "{\"v\":1}", Future);

        Assert.False(await CreateAsync(key, "{\"v\":2}", Future));
        Assert.Equal("{\"v\":1}", (await LoadAsync(key))!.Value.Data);
    }

    [Fact]
    public async Task Update_Existing_ReplacesData()
    {
        var key = NewKey();
        await CreateAsync(key, "{\"v\":1}", Future);

        Assert.True(await UpdateAsync(key, "{\"v\":2}", Future.AddHours(1)));
        Assert.Equal("{\"v\":2}", (await LoadAsync(key))!.Value.Data);
    }

    [Fact]
    [Trait("Case", "SESS-05")]
    public async Task Update_DeletedSession_ReturnsFalseAndDoesNotResurrect()
    {
        var key = NewKey();
        await CreateAsync(key, "{\"v\":1}", Future);
        await DeleteAsync(key);

        Assert.False(await UpdateAsync(key, "{\"v\":2}", Future));
        Assert.Null(await LoadAsync(key));
    }

    [Fact]
    [Trait("Case", "SESS-02")]
    public async Task Update_UnknownKey_CreatesNothing()
    {
        var key = NewKey();
        Assert.False(await UpdateAsync(key, "{}", Future));
        Assert.Null(await LoadAsync(key));
    }

    [Fact]
    public async Task Delete_MissingKey_DoesNotThrow()
    {
        await DeleteAsync(NewKey());
    }

    [Fact]
    [Trait("Case", "SESS-04")]
    public async Task Load_AfterExpiry_ReturnsNull()
    {
        var key = NewKey();
        await CreateAsync(key, "{}", Time.GetUtcNow().UtcDateTime.AddSeconds(60));

        Time.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(await LoadAsync(key));
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await LoadAsync(key));
    }

    [Fact]
    [Trait("Case", "SESS-04")]
    public async Task Update_ExpiredSession_ReturnsFalse()
    {
        var key = NewKey();
        await CreateAsync(key, "{}", Time.GetUtcNow().UtcDateTime.AddSeconds(60));
        Time.Advance(TimeSpan.FromSeconds(61));

        Assert.False(await UpdateAsync(key, "{\"late\":1}", Future));
        Assert.Null(await LoadAsync(key));
    }

    [Fact]
    [Trait("Case", "SESS-04")]
    public async Task Create_OverExpiredRecord_Succeeds()
    {
        var key = NewKey();
        await CreateAsync(key, "{\"old\":1}", Time.GetUtcNow().UtcDateTime.AddSeconds(60));
        Time.Advance(TimeSpan.FromSeconds(61));

        Assert.True(await CreateAsync(key, "{\"new\":1}", Future));
        Assert.Equal("{\"new\":1}", (await LoadAsync(key))!.Value.Data);
    }

    [Fact]
    [Trait("Case", "SESS-04")]
    public async Task DeleteExpired_RemovesOnlyExpired()
    {
        var live = Enumerable.Range(0, 3).Select(_ => NewKey()).ToList();
        var expired = Enumerable.Range(0, 5).Select(_ => NewKey()).ToList();
        foreach (var key in expired)
        {
            await CreateAsync(key, "{}", Time.GetUtcNow().UtcDateTime.AddSeconds(10));
        }

        foreach (var key in live)
        {
            await CreateAsync(key, "{}", Time.GetUtcNow().UtcDateTime.AddHours(2));
        }

        Time.Advance(TimeSpan.FromSeconds(11));
        var removed = await DeleteExpiredAsync();

        if (!ExpiresEntriesItself)
        {
            Assert.True(removed >= expired.Count, $"removed {removed}");
        }

        foreach (var key in live)
        {
            Assert.NotNull(await LoadAsync(key));
        }

        foreach (var key in expired)
        {
            Assert.Null(await LoadAsync(key));
        }
    }

    public static TheoryData<string> HostileKeys() =>
    [
        "../../../etc/passwd", "a/b/c", "a\\b\\c", "..", "%2e%2e", "abc\0defghij", new string('a', 4096), "abc defghij",
        "abcdefgh\r\n", "ABCDEFGHIJKL", "short", "", "abcdefgh.json", "clinic.sessions:abcdefgh",
    ];

    [Theory]
    [MemberData(nameof(HostileKeys))]
    [Trait("Case", "SESS-03")]
    public async Task Operations_HostileKey_ThrowInvalidSessionKey(string key)
    {
        foreach (var operation in new Func<Task>[]
        {
            () => LoadAsync(key),
            () => CreateAsync(key, "{}", Future),
            () => UpdateAsync(key, "{}", Future),
            () => DeleteAsync(key),
        })
        {
            var ex = await Record.ExceptionAsync(operation);
            Assert.NotNull(ex);
            Assert.Equal("InvalidSessionKeyException", ex.GetType().Name);
        }
    }

    [Fact]
    [Trait("Case", "SESS-05")]
    public async Task Update_ConcurrentWriters_RecordAlwaysDecodesToOneWrite()
    {
        var key = NewKey();
        await CreateAsync(key, "{\"n\":-1}", Future);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => UpdateAsync(key, "{\"n\":" + i + ",\"pad\":\"" + new string('x', 5000) + "\"}", Future))));

        var data = (await LoadAsync(key))!.Value.Data;
        using var json = System.Text.Json.JsonDocument.Parse(data);
        Assert.InRange(json.RootElement.GetProperty("n").GetInt32(), 0, 19);
    }
}
