namespace Clinic.Profiles.Tests;

/// <summary>A storage that fails a chosen save as a full disk would, passing everything else to the real one.</summary>
internal sealed class FlakyMediaStorage(IMediaStorage inner) : IMediaStorage
{
    private int _saves;

    /// <summary>Number (1-based, from now) of the save that fails; 0 for none.</summary>
    public int FailSave { get; set; }

    public async Task<string> SaveAsync(string directory, string extension, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (FailSave > 0 && Interlocked.Increment(ref _saves) == FailSave)
        {
            FailSave = 0;
            _saves = 0;
            throw new IOException("No space left on device");
        }

        return await inner.SaveAsync(directory, extension, content, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default) => inner.OpenReadAsync(name, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);

    public IAsyncEnumerable<MediaFileInfo> ListAsync(string directory, CancellationToken cancellationToken = default) => inner.ListAsync(directory, cancellationToken);

    public string GetUrl(string name) => inner.GetUrl(name);
}
