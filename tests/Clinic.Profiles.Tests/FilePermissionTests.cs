using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Tests;

[Collection(ProcessWideStateCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [Trait("Case", "UPL-07")]
    [InlineData(0b000_000_000)]
    [InlineData(0b000_010_010)]
    [InlineData(0b000_111_111)]
    public async Task SaveAsync_AnyUmask_Files0644AndFolders0755(int umask)
    {
        var storage = new FileSystemMediaStorage(Options.Create(new ClinicProfilesOptions { MediaRoot = _temp.MediaRoot }));

        string name;
        using (Umask.Set(umask))
        {
            name = await storage.SaveAsync("profiles/thumbs", "jpg", new byte[] { 1, 2, 3 });
        }

        Assert.Equal(Mode0644, File.GetUnixFileMode(Path.Combine(_temp.MediaRoot, name)));
        Assert.Equal(Mode0755, File.GetUnixFileMode(_temp.MediaRoot));
        Assert.Equal(Mode0755, File.GetUnixFileMode(Path.Combine(_temp.MediaRoot, "profiles")));
        Assert.Equal(Mode0755, File.GetUnixFileMode(Path.Combine(_temp.MediaRoot, "profiles", "thumbs")));
    }

    [Fact]
    [Trait("Case", "UPL-07")]
    public async Task SaveAsync_ConfiguredModes_Applied()
    {
        var storage = new FileSystemMediaStorage(Options.Create(new ClinicProfilesOptions
        {
            MediaRoot = _temp.MediaRoot,
            FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
        }));

        string name;
        using (Umask.Set(0))
        {
            name = await storage.SaveAsync("profiles", "png", new byte[] { 1 });
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_temp.MediaRoot, name)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_temp.MediaRoot, "profiles")));
    }
}
