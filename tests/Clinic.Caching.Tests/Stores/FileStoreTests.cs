using Clinic.Caching.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Tests.Stores;

public sealed class FileStoreTests : StoreContractAdapter, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "clinic-caching-" + Guid.NewGuid().ToString("N"));
    private readonly FileResponseCacheStore _store;

    public FileStoreTests() => _store = Create(300);

    protected override IResponseCacheStore Store => _store;

    private FileResponseCacheStore Create(int maxEntries, int cullFrequency = 3) =>
        new(Options.Create(new FileStoreOptions { Path = _folder, MaxEntries = maxEntries, CullFrequency = cullFrequency }), Time, TestMetrics.Create(), NullLogger<FileResponseCacheStore>.Instance);

    private static ResponseCacheEntryOptions Entry(string url) => new(url, TimeSpan.FromMinutes(5), []);

    [Fact]
    public async Task Set_AnyKey_FileNameIsAHashInsideTheFolder()
    {
        await _store.SetAsync("../../escape\\me", [1, 2, 3], Entry("https://x/"), CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Matches("^[0-9a-f]{64}\\.cache$", Path.GetFileName(file));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task Set_AtMaxEntries_CullsExpiredFirstThenAFraction()
    {
        var store = Create(maxEntries: 10, cullFrequency: 3);
        for (var i = 0; i < 4; i++)
        {
            await store.SetAsync("old" + i, [1], new ResponseCacheEntryOptions("https://x/old", TimeSpan.FromSeconds(10), []), CancellationToken.None);
        }

        Time.Advance(TimeSpan.FromSeconds(11));
        for (var i = 0; i < 6; i++)
        {
            await store.SetAsync("new" + i, [1], Entry("https://x/new"), CancellationToken.None);
        }

        // 10 files: the 11th write culls the 4 expired ones and keeps the 6 live ones.
        await store.SetAsync("one-more", [1], Entry("https://x/more"), CancellationToken.None);
        Assert.Equal(7, Directory.GetFiles(_folder, "*.cache").Length);
        for (var i = 0; i < 6; i++)
        {
            Assert.NotNull(await store.GetAsync("new" + i, CancellationToken.None));
        }

        for (var i = 0; i < 20; i++)
        {
            await store.SetAsync("fill" + i, [1], Entry("https://x/fill"), CancellationToken.None);
        }

        Assert.InRange(Directory.GetFiles(_folder, "*.cache").Length, 1, 10);
    }

    [Fact]
    public async Task Get_CorruptFile_ReadsAsMissing()
    {
        await _store.SetAsync("k", [1, 2, 3], Entry("https://x/"), CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(_folder));
        await File.WriteAllBytesAsync(file, [0x43, 0x43, 0x46, 0x31, 9, 9]);
        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
