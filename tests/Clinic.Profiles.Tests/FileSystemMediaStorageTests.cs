using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Tests;

public sealed class FileSystemMediaStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FileSystemMediaStorage Storage(Action<ClinicProfilesOptions>? configure = null)
    {
        var options = new ClinicProfilesOptions { MediaRoot = _temp.MediaRoot };
        configure?.Invoke(options);
        return new FileSystemMediaStorage(Options.Create(options));
    }

    [Fact]
    public async Task SaveAsync_Content_StoredUnderGeneratedNameAndReadBack()
    {
        var storage = Storage();
        byte[] content = [1, 2, 3, 4, 5];

        var name = await storage.SaveAsync("profiles", "png", content);

        Assert.Matches(@"\Aprofiles/[a-z2-7]{26}\.png\z", name);
        await using var stream = await storage.OpenReadAsync(name);
        Assert.NotNull(stream);
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(content, read.ToArray());
        Assert.Equal("/media/" + name, storage.GetUrl(name));
        Assert.Empty(Directory.GetFiles(Path.Combine(_temp.MediaRoot, "profiles"), ".tmp-*"));
    }

    [Fact]
    [Trait("Case", "UPL-02")]
    public async Task SaveAsync_500ConcurrentSaves_DistinctFilesEachWithItsContent()
    {
        var storage = Storage();
        var contents = Enumerable.Range(0, 500).Select(i => BitConverter.GetBytes(i).Concat(RandomNumberGenerator.GetBytes(64)).ToArray()).ToArray();

        var names = await Task.WhenAll(contents.Select(c => Task.Run(() => storage.SaveAsync("profiles", "jpg", c))));

        Assert.Equal(500, names.Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(contents[i], await File.ReadAllBytesAsync(Path.Combine(_temp.MediaRoot, names[i])));
        }

        Assert.Equal(500, Directory.GetFiles(Path.Combine(_temp.MediaRoot, "profiles")).Length);
    }

    [Fact]
    [Trait("Case", "UPL-02")]
    public async Task SaveAsync_NameAlreadyTaken_NeverOverwrites()
    {
        var storage = new FixedNameStorage(_temp.MediaRoot, "profiles/taken.png");
        await storage.SaveAsync("profiles", "png", new byte[] { 1 });

        await Assert.ThrowsAsync<IOException>(() => storage.SaveAsync("profiles", "png", new byte[] { 2 }));

        Assert.Equal(new byte[] { 1 }, await File.ReadAllBytesAsync(Path.Combine(_temp.MediaRoot, "profiles", "taken.png")));
        Assert.Single(Directory.GetFiles(Path.Combine(_temp.MediaRoot, "profiles")));
    }

    [Theory]
    [Trait("Case", "UPL-01")]
    [InlineData("../../x")]
    [InlineData("profiles/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData(@"..\..\x")]
    [InlineData("C:\\w")]
    [InlineData("profiles\0x")]
    [InlineData("%2e%2e%2fx")]
    [InlineData("Profiles")]
    [InlineData("")]
    [InlineData("profiles/")]
    public async Task SaveAsync_HostileDirectory_ThrowsAndWritesNothing(string directory)
    {
        var storage = Storage();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.SaveAsync(directory, "png", new byte[] { 1 }));

        Assert.False(Directory.Exists(_temp.MediaRoot) && Directory.EnumerateFileSystemEntries(_temp.MediaRoot).Any());
        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [Trait("Case", "UPL-01")]
    [InlineData("html")]
    [InlineData("svg")]
    [InlineData("aspx")]
    [InlineData("png.aspx")]
    [InlineData(".png")]
    [InlineData("")]
    public async Task SaveAsync_ExtensionOutsideAllowList_Throws(string extension)
    {
        var storage = Storage();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.SaveAsync("profiles", extension, new byte[] { 1 }));
    }

    [Theory]
    [Trait("Case", "UPL-01")]
    [InlineData("../../x.png")]
    [InlineData("profiles/../../x.png")]
    [InlineData("profiles/../x.png")]
    [InlineData("/etc/passwd.png")]
    [InlineData("profiles//x.png")]
    [InlineData(@"profiles\..\..\x.png")]
    [InlineData("profiles/x.png\0.aspx")]
    [InlineData("profiles/x.aspx")]
    [InlineData("profiles/x.jpg")]
    [InlineData("profiles/x.png.")]
    [InlineData("profiles/....//x.png")]
    [InlineData("profiles/%2e%2e%2fx.png")]
    [InlineData("profiles/\u202Egnp.exe.png")]
    [InlineData("other/x.png")]
    [InlineData("profiles/sub/x.png")]
    [InlineData("profiles/.hidden.png")]
    [InlineData("")]
    public async Task SaveAsync_SubclassGeneratesInvalidName_BaseRefusesAndWritesNothing(string generated)
    {
        var storage = new FixedNameStorage(_temp.MediaRoot, generated);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.SaveAsync("profiles", "png", new byte[] { 1 }));

        Assert.Contains("GenerateName", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [Trait("Case", "UPL-01")]
    [InlineData("../x.png")]
    [InlineData("profiles/../../secret.png")]
    [InlineData("/etc/passwd")]
    [InlineData("profiles/.tmp-abc")]
    [InlineData("profiles")]
    [InlineData("profiles/")]
    [InlineData("")]
    public async Task OpenReadAndDelete_InvalidName_NothingTouched(string name)
    {
        var storage = Storage();
        var outside = Path.Combine(_temp.Path, "secret.png");
        await File.WriteAllBytesAsync(outside, [9]);

        Assert.Null(await storage.OpenReadAsync(name));
        Assert.False(await storage.DeleteAsync(name));

        Assert.True(File.Exists(outside));
    }

    [Fact]
    [Trait("Case", "UPL-01")]
    public async Task OpenReadAsync_SymbolicLinkToOutsideFile_NotOpened()
    {
        var storage = Storage();
        var outside = Path.Combine(_temp.Path, "secret.txt");
        await File.WriteAllTextAsync(outside, "secret");
        var name = await storage.SaveAsync("profiles", "png", new byte[] { 1 });
        var link = Path.Combine(_temp.MediaRoot, "profiles", "linked.png");
        File.CreateSymbolicLink(link, outside);

        Assert.Null(await storage.OpenReadAsync("profiles/linked.png"));
        Assert.NotNull(await storage.OpenReadAsync(name));
    }

    [Fact]
    public async Task DeleteAsync_StoredFile_RemovedOnce()
    {
        var storage = Storage();
        var name = await storage.SaveAsync("profiles", "jpg", new byte[] { 1 });

        Assert.True(await storage.DeleteAsync(name));
        Assert.False(await storage.DeleteAsync(name));
        Assert.Null(await storage.OpenReadAsync(name));
    }

    [Fact]
    public async Task SaveAsync_Cancelled_LeavesNoFile()
    {
        var storage = Storage();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storage.SaveAsync("profiles", "jpg", new byte[1000], cancellation.Token));

        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ListAsync_Folder_ListsStoredFilesOnly()
    {
        var storage = Storage();
        var first = await storage.SaveAsync("profiles", "jpg", new byte[] { 1 });
        var second = await storage.SaveAsync("profiles", "png", new byte[] { 1, 2 });
        await File.WriteAllBytesAsync(Path.Combine(_temp.MediaRoot, "profiles", ".tmp-leftover"), [1]);
        await File.WriteAllBytesAsync(Path.Combine(_temp.MediaRoot, "profiles", "notes.txt"), [1]);

        var listed = new List<MediaFileInfo>();
        await foreach (var file in storage.ListAsync("profiles"))
        {
            listed.Add(file);
        }

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), listed.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, listed.Single(f => f.Name == second).Length);
    }

    [Fact]
    public void Constructor_RelativeMediaRoot_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new FileSystemMediaStorage(Options.Create(new ClinicProfilesOptions { MediaRoot = "media" })));
    }

    /// <summary>A subclass whose name generation always answers the same name.</summary>
    private sealed class FixedNameStorage(string root, string name)
        : FileSystemMediaStorage(Options.Create(new ClinicProfilesOptions { MediaRoot = root }))
    {
        protected override string GenerateName(string directory, string extension) => name;
    }
}
