using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Clinic.Profiles.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles;

/// <summary>
/// Stores media as files under <see cref="ClinicProfilesOptions.MediaRoot"/>. Each file is written to a temporary file
/// created exclusively in the target folder, flushed, given <see cref="ClinicProfilesOptions.FileMode"/>, then linked
/// to its final name without ever replacing an existing file, so a reader sees a whole file or none. Folders get
/// <see cref="ClinicProfilesOptions.DirectoryMode"/> whatever the umask.
/// </summary>
/// <remarks>
/// Name generation can be customised by overriding <see cref="GenerateName"/>; whatever it returns is re-validated
/// (allow-listed characters, the requested folder and extension, under the media root) before anything is written.
/// </remarks>
public class FileSystemMediaStorage : IMediaStorage
{
    private const string TempPrefix = ".tmp-";
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly ClinicProfilesOptions _options;
    private readonly string _root;
    private readonly ILogger _logger;

    /// <summary>Creates the storage from the package options.</summary>
    /// <param name="options">The options; <see cref="ClinicProfilesOptions.MediaRoot"/> must be set.</param>
    /// <param name="logger">Where file events are logged; optional.</param>
    public FileSystemMediaStorage(IOptions<ClinicProfilesOptions> options, ILogger<FileSystemMediaStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.MediaRoot) || !Path.IsPathFullyQualified(_options.MediaRoot))
        {
            throw new InvalidOperationException("ClinicProfilesOptions.MediaRoot must be an absolute folder for the file-system media storage.");
        }

        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.MediaRoot));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The absolute media root, without a trailing separator.</summary>
    public string Root => _root;

    /// <inheritdoc />
    public async Task<string> SaveAsync(string directory, string extension, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (!MediaNames.IsValidDirectory(directory))
        {
            throw new ArgumentException("The media folder must be lower-case letters, digits, '-', '_' and '/', such as 'profiles'.", nameof(directory));
        }

        if (!MediaNames.IsAllowedExtension(extension))
        {
            throw new ArgumentException("The extension must be one of jpg, png, gif, webp.", nameof(extension));
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = GenerateName(directory, extension);
            var path = ResolveGenerated(name, directory, extension);
            var folder = Path.GetDirectoryName(path)!;
            EnsureDirectory(folder);
            var temp = Path.Combine(folder, TempPrefix + RandomToken(16));
            try
            {
                var streamOptions = new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    Options = FileOptions.Asynchronous,
                };
                if (!OperatingSystem.IsWindows())
                {
                    streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using (var stream = new FileStream(temp, streamOptions))
                {
                    await stream.WriteAsync(content, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    stream.Flush(flushToDisk: true);
                }

                if (!OperatingSystem.IsWindows())
                {
                    // chmod is not subject to the umask, unlike the mode given at creation.
                    File.SetUnixFileMode(temp, _options.FileMode);
                }

                if (File.Exists(path))
                {
                    continue;
                }

                // overwrite: false never replaces a file that appeared meanwhile (link + unlink on Unix).
                File.Move(temp, path, overwrite: false);
                ProfilesLog.FileSaved(_logger, name);
                return name;
            }
            catch (IOException) when (File.Exists(path))
            {
                // The generated name was taken between the check and the move: try another.
            }
            finally
            {
                TryDeleteTemp(temp);
            }
        }

        throw new IOException("Could not find a free media name after 8 attempts; check GenerateName.");
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = TryResolve(name);
        if (path is null)
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                return Task.FromResult<Stream?>(null);
            }

            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16 * 1024, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = TryResolve(name);
        if (path is null || !File.Exists(path))
        {
            return Task.FromResult(false);
        }

        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        ProfilesLog.FileDeleted(_logger, name);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MediaFileInfo> ListAsync(string directory, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!MediaNames.IsValidDirectory(directory))
        {
            throw new ArgumentException("The media folder must be lower-case letters, digits, '-', '_' and '/', such as 'profiles'.", nameof(directory));
        }

        var folder = Path.Combine(_root, directory);
        if (!IsUnderRoot(Path.GetFullPath(folder)) || !Directory.Exists(folder))
        {
            yield break;
        }

        await Task.Yield();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = directory + "/" + file.Name;
            if (MediaNames.IsValidName(name))
            {
                yield return new MediaFileInfo(name, file.LastWriteTimeUtc, file.Length);
            }
        }
    }

    /// <inheritdoc />
    public string GetUrl(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return MediaNames.ToUrl(_options.MediaUrl, name);
    }

    /// <summary>
    /// Generates a new name in <paramref name="directory"/> with <paramref name="extension"/>. The default is 26
    /// random base32 characters (130 bits from <see cref="RandomNumberGenerator"/>), so names are unguessable and
    /// never collide in practice. An override's result is validated before use.
    /// </summary>
    /// <param name="directory">The requested folder.</param>
    /// <param name="extension">The requested extension, without a dot.</param>
    /// <returns>A relative name such as <c>profiles/k3…q.jpg</c>.</returns>
    protected virtual string GenerateName(string directory, string extension) =>
        $"{directory}/{RandomToken(26)}.{extension}";

    private string ResolveGenerated(string name, string directory, string extension)
    {
        if (!MediaNames.IsValidName(name)
            || !name.StartsWith(directory + "/", StringComparison.Ordinal)
            || name.IndexOf('/', directory.Length + 1) >= 0
            || !name.EndsWith("." + extension, StringComparison.Ordinal))
        {
            ProfilesLog.InvalidMediaName(_logger);
            throw new InvalidOperationException(
                $"{GetType().Name}.GenerateName returned a name that is not a file name directly in '{directory}' with extension '{extension}' " +
                "(letters, digits, '-' and '_' only); nothing was written.");
        }

        return TryResolve(name) ?? throw new InvalidOperationException("The generated media name resolves outside the media root; nothing was written.");
    }

    /// <summary>The absolute path of a valid name, re-checked to be under the root; <see langword="null"/> otherwise.</summary>
    private string? TryResolve(string? name)
    {
        if (!MediaNames.IsValidName(name))
        {
            ProfilesLog.InvalidMediaName(_logger);
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(_root, name));
        return IsUnderRoot(path) ? path : null;
    }

    private bool IsUnderRoot(string fullPath) =>
        fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void EnsureDirectory(string folder)
    {
        if (!Directory.Exists(_root))
        {
            CreateDirectory(_root);
        }

        var relative = Path.GetRelativePath(_root, folder);
        var current = _root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (info.Exists)
            {
                if (info.LinkTarget is not null)
                {
                    throw new IOException("A folder under the media root is a symbolic link; refusing to write through it.");
                }

                continue;
            }

            CreateDirectory(current);
        }
    }

    private void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, _options.DirectoryMode);

        // The mode given at creation is reduced by the umask; chmod is not.
        File.SetUnixFileMode(path, _options.DirectoryMode);
    }

    private static void TryDeleteTemp(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string RandomToken(int length) => RandomNumberGenerator.GetString(Base32, length);
}
