using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// One file per session in a folder. The key is validated (<c>[a-z0-9]</c> only) before any path is built, so a
/// name can never leave the folder; writes go to a temporary file in the same folder and are renamed over the target.
/// </summary>
internal sealed class FileSessionStore : IClinicSessionStore
{
    public const string FilePrefix = "clinicsession_";

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FileSessionStore(string directory, TimeProvider time, ILogger<FileSessionStore> logger)
    {
        _directory = Path.GetFullPath(directory);
        _time = time;
        _logger = logger;
        Directory.CreateDirectory(_directory);
    }

    public async Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        var record = await ReadAsync(path, cancellationToken);
        return record is not null && record.ExpiresUtc > _time.GetUtcNow().UtcDateTime ? record : null;
    }

    public async Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = PathFor(record.Key);
        try
        {
            // Reserve the name atomically; a file that exists but has expired is replaced.
            await using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            var existing = await ReadAsync(path, cancellationToken);
            if (existing is not null && existing.ExpiresUtc > _time.GetUtcNow().UtcDateTime)
            {
                return false;
            }
        }

        await WriteAsync(path, record, cancellationToken);
        return true;
    }

    public async Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = PathFor(record.Key);
        var existing = await ReadAsync(path, cancellationToken);
        if (existing is null || existing.ExpiresUtc <= _time.GetUtcNow().UtcDateTime)
        {
            return false;
        }

        await WriteAsync(path, record, cancellationToken);
        return true;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathFor(key));
        return Task.CompletedTask;
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(_directory, FilePrefix + "*"))
        {
            var key = Path.GetFileName(path)[FilePrefix.Length..];
            if (!SessionKeys.IsValid(key))
            {
                continue;
            }

            var record = await ReadAsync(path, cancellationToken);
            if (record is null || record.ExpiresUtc <= now)
            {
                File.Delete(path);
                removed++;
            }
        }

        return removed;
    }

    private string PathFor(string key)
    {
        SessionKeys.Validate(key);
        return Path.Combine(_directory, FilePrefix + key);
    }

    private async Task<SessionRecord?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            if (stream.Length == 0)
            {
                return null;
            }

            return await JsonSerializer.DeserializeAsync<SessionRecord>(stream, cancellationToken: cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException ex)
        {
            CookiesSessionsLog.SessionRecordCorrupt(_logger, ex);
            return null;
        }
    }

    private async Task WriteAsync(string path, SessionRecord record, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(_directory, ".tmp_" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(stream, record, cancellationToken: cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
