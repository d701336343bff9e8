using System.Text;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Testing.Caching;

/// <summary>
/// What every Clinic.Caching response store must do. A store's test class inherits this and forwards the six
/// operations to its store (this project does not reference the package, so the operations are plain delegates);
/// the store must read the time from <see cref="Time"/>.
/// </summary>
public abstract class ResponseCacheStoreContractTests
{
    /// <summary>The clock the store under test was given.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A prefix unique to this test instance, so shared servers (PostgreSQL, Redis) never mix tests.</summary>
    protected string Unique { get; } = "t" + Guid.NewGuid().ToString("N")[..12] + ":";

    protected abstract Task<byte[]?> GetAsync(string key);

    protected abstract Task SetAsync(string key, byte[] value, string url, TimeSpan timeToLive, string[] tags);

    protected abstract Task RemoveAsync(string key);

    protected abstract Task RemoveByUrlPrefixAsync(string urlPrefix);

    protected abstract Task RemoveByTagAsync(string tag);

    protected abstract Task ClearAsync();

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private string K(string name) => Unique + name;

    private string U(string path) => "https://" + Unique.TrimEnd(':') + ".test" + path;

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Get_MissingKey_ReturnsNull()
    {
        Assert.Null(await GetAsync(K("missing")));
    }

    [Fact]
    public async Task Set_ThenGet_ReturnsTheSameBytes()
    {
        await SetAsync(K("a"), B("hello"), U("/a"), Minute, []);
        Assert.Equal(B("hello"), await GetAsync(K("a")));
    }

    [Fact]
    public async Task Set_SameKeyTwice_LastValueWins()
    {
        await SetAsync(K("a"), B("one"), U("/a"), Minute, []);
        await SetAsync(K("a"), B("two"), U("/a"), Minute, []);
        Assert.Equal(B("two"), await GetAsync(K("a")));
    }

    [Fact]
    public async Task Get_JustBeforeTimeToLive_ReturnsValue()
    {
        await SetAsync(K("a"), B("v"), U("/a"), Minute, []);
        Time.Advance(Minute - TimeSpan.FromSeconds(1));
        Assert.Equal(B("v"), await GetAsync(K("a")));
    }

    [Fact]
    public async Task Get_AfterTimeToLive_ReturnsNull()
    {
        await SetAsync(K("a"), B("v"), U("/a"), Minute, []);
        Time.Advance(Minute + TimeSpan.FromSeconds(1));
        Assert.Null(await GetAsync(K("a")));
    }

    [Fact]
    public async Task Remove_OneKey_LeavesTheOthers()
    {
        await SetAsync(K("a"), B("a"), U("/a"), Minute, []);
        await SetAsync(K("b"), B("b"), U("/b"), Minute, []);
        await RemoveAsync(K("a"));
        Assert.Null(await GetAsync(K("a")));
        Assert.Equal(B("b"), await GetAsync(K("b")));
    }

    [Fact]
    public async Task Remove_MissingKey_DoesNothing()
    {
        await RemoveAsync(K("never"));
        Assert.Null(await GetAsync(K("never")));
    }

    [Fact]
    public async Task RemoveByUrlPrefix_RemovesOnlyMatchingUrls()
    {
        await SetAsync(K("list"), B("1"), U("/doctors"), Minute, []);
        await SetAsync(K("page2"), B("2"), U("/doctors?page=2"), Minute, []);
        await SetAsync(K("detail"), B("3"), U("/doctors/7"), Minute, []);
        await SetAsync(K("other"), B("4"), U("/patients"), Minute, []);
        await RemoveByUrlPrefixAsync(U("/doctors"));
        Assert.Null(await GetAsync(K("list")));
        Assert.Null(await GetAsync(K("page2")));
        Assert.Null(await GetAsync(K("detail")));
        Assert.Equal(B("4"), await GetAsync(K("other")));
    }

    [Fact]
    public async Task RemoveByTag_RemovesOnlyTaggedValues()
    {
        await SetAsync(K("a"), B("a"), U("/a"), Minute, ["doctors", "lists"]);
        await SetAsync(K("b"), B("b"), U("/b"), Minute, ["patients"]);
        await SetAsync(K("c"), B("c"), U("/c"), Minute, ["doctorsx"]);
        await RemoveByTagAsync("doctors");
        Assert.Null(await GetAsync(K("a")));
        Assert.Equal(B("b"), await GetAsync(K("b")));
        Assert.Equal(B("c"), await GetAsync(K("c")));
    }

    [Fact]
    public async Task Clear_RemovesEverything()
    {
        await SetAsync(K("a"), B("a"), U("/a"), Minute, ["x"]);
        await SetAsync(K("b"), B("b"), U("/b"), Minute, []);
        await ClearAsync();
        Assert.Null(await GetAsync(K("a")));
        Assert.Null(await GetAsync(K("b")));
    }

    [Fact]
    public async Task Set_LargeValue_RoundTrips()
    {
        var value = new byte[300_000];
        new Random(7).NextBytes(value);
        await SetAsync(K("big"), value, U("/big"), Minute, []);
        Assert.Equal(value, await GetAsync(K("big")));
    }

    [Fact]
    public async Task Set_KeyWithPathAndControlCharacters_IsJustAKey()
    {
        var key = K("../../../etc/passwd\\a\tb ü");
        await SetAsync(key, B("safe"), U("/x"), Minute, []);
        Assert.Equal(B("safe"), await GetAsync(key));
        Assert.Null(await GetAsync(K("../../../etc/passwd")));
    }

    [Fact]
    public async Task Set_ConcurrentWritersOnOneKey_ValueIsOneOfThemWhole()
    {
        var values = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)i, 50_000).ToArray()).ToArray();
        await Task.WhenAll(values.Select(v => SetAsync(K("race"), v, U("/race"), Minute, [])));
        var stored = await GetAsync(K("race"));
        Assert.NotNull(stored);
        Assert.Contains(values, v => v.AsSpan().SequenceEqual(stored));
    }
}
