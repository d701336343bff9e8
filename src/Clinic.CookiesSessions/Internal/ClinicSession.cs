using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>One request's session: loaded once, asynchronously; saved at most once by the middleware.</summary>
internal sealed class ClinicSession : IClinicSession
{
    public const string ExpiryKey = "_session_expiry";
    private const string BytesMarker = "__clinic_bytes__";
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly IClinicSessionStore _store;
    private readonly ClinicSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CookiesSessionsMetrics _metrics;
    private Dictionary<string, JsonNode?> _data = new(StringComparer.Ordinal);
    private string? _key;
    private bool _loaded;

    public ClinicSession(string? key, IClinicSessionStore store, ClinicSessionOptions options, TimeProvider time, ILogger logger, CookiesSessionsMetrics metrics)
    {
        _key = key;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public bool IsAvailable => _loaded;

    public string Id => _key ?? string.Empty;

    public IEnumerable<string> Keys
    {
        get
        {
            Touch();
            return [.. _data.Keys];
        }
    }

    public bool IsModified { get; private set; }

    /// <summary>Whether application code read or wrote the session (the response then varies on Cookie).</summary>
    public bool Accessed { get; private set; }

    /// <summary>Whether a save happened in this request (the cookie must then be sent).</summary>
    public bool Saved { get; private set; }

    public bool IsEmpty => _key is null && _data.Count == 0;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return;
        }

        if (_key is not null)
        {
            var record = await _store.LoadAsync(_key, cancellationToken);
            if (record is null)
            {
                CookiesSessionsLog.SessionNotFound(_logger);
                _key = null;
            }
            else
            {
                try
                {
                    _data = JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(record.Data) ?? new(StringComparer.Ordinal);
                }
                catch (JsonException ex)
                {
                    CookiesSessionsLog.SessionRecordCorrupt(_logger, ex);
                    _key = null;
                }
            }
        }

        _loaded = true;
    }

    /// <summary>Starts from data read out of a signed session cookie (no server-side record).</summary>
    public void LoadFromCookie(Dictionary<string, JsonNode?>? data)
    {
        _data = data ?? new(StringComparer.Ordinal);
        _loaded = true;
    }

    /// <summary>The data as a compact JSON object.</summary>
    public string SerializeData() => JsonSerializer.Serialize(_data);

    /// <summary>Marks a cookie-kept session as written.</summary>
    public void MarkSaved()
    {
        IsModified = false;
        Saved = true;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        _store is SignedCookieSessionStore ? Task.CompletedTask : SaveAsync(cancellationToken);

    public void Clear()
    {
        Touch();
        if (_data.Count > 0)
        {
            _data.Clear();
        }

        IsModified = true;
    }

    public void Remove(string key)
    {
        Touch();
        if (_data.Remove(key))
        {
            IsModified = true;
        }
    }

    public void Set(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Touch();
        string text;
        try
        {
            text = StrictUtf8.GetString(value);
            _data[key] = JsonValue.Create(text);
        }
        catch (DecoderFallbackException)
        {
            _data[key] = new JsonObject { [BytesMarker] = Convert.ToBase64String(value) };
        }

        IsModified = true;
    }

    public bool TryGetValue(string key, [NotNullWhen(true)] out byte[]? value)
    {
        Touch();
        value = null;
        if (!_data.TryGetValue(key, out var node) || node is null)
        {
            return false;
        }

        if (node is JsonObject obj && obj.Count == 1 && obj[BytesMarker] is JsonValue b64 && b64.TryGetValue<string>(out var base64))
        {
            value = Convert.FromBase64String(base64);
        }
        else if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            value = Encoding.UTF8.GetBytes(text);
        }
        else
        {
            value = Encoding.UTF8.GetBytes(node.ToJsonString());
        }

        return true;
    }

    public T? GetJson<T>(string key)
    {
        Touch();
        if (!_data.TryGetValue(key, out var node) || node is null)
        {
            return default;
        }

        try
        {
            return node.Deserialize<T>();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public void SetJson<T>(string key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Touch();
        _data[key] = JsonSerializer.SerializeToNode(value);
        IsModified = true;
    }

    public async Task CycleKeyAsync(CancellationToken cancellationToken = default)
    {
        Touch();
        var old = _key;
        _key = null;
        IsModified = true;
        if (old is not null)
        {
            await _store.DeleteAsync(old, cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Touch();
        _data.Clear();
        var old = _key;
        _key = null;
        IsModified = true;
        if (old is not null)
        {
            await _store.DeleteAsync(old, cancellationToken);
        }
    }

    public void SetExpiry(TimeSpan? expiry)
    {
        Touch();
        if (expiry is null)
        {
            _data.Remove(ExpiryKey);
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(expiry.Value, TimeSpan.Zero, nameof(expiry));
            _data[ExpiryKey] = JsonValue.Create((long)expiry.Value.TotalSeconds);
        }

        IsModified = true;
    }

    public void SetExpiry(DateTimeOffset expiresAt)
    {
        Touch();

        // Django stores an absolute expiry as an ISO 8601 string.
        _data[ExpiryKey] = JsonValue.Create(expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture));
        IsModified = true;
    }

    public TimeSpan GetExpiryAge()
    {
        if (_data.TryGetValue(ExpiryKey, out var node) && node is JsonValue value)
        {
            if (value.TryGetValue<long>(out var seconds) || (value.TryGetValue<double>(out var real) && (seconds = (long)real) >= 0))
            {
                return seconds > 0 ? TimeSpan.FromSeconds(seconds) : _options.DefaultExpiry;
            }

            if (value.TryGetValue<string>(out var text) &&
                DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var age = date - _time.GetUtcNow();
                return age > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Floor(age.TotalSeconds)) : TimeSpan.Zero;
            }
        }

        return _options.DefaultExpiry;
    }

    public DateTimeOffset GetExpiryDate() => _time.GetUtcNow() + GetExpiryAge();

    public bool GetExpireAtBrowserClose()
    {
        if (_data.TryGetValue(ExpiryKey, out var node) && node is JsonValue value)
        {
            return value.TryGetValue<long>(out var seconds) && seconds == 0;
        }

        return _options.ExpireAtBrowserClose;
    }

    /// <summary>Writes the session: a new key (never the client's unknown one) or an update; an empty session is deleted.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        EnsureLoaded();
        if (_data.Count == 0)
        {
            if (_key is not null)
            {
                await _store.DeleteAsync(_key, cancellationToken);
                _key = null;
            }

            IsModified = false;
            return;
        }

        var record = new SessionRecord
        {
            Data = JsonSerializer.Serialize(_data),
            ExpiresUtc = (_time.GetUtcNow() + GetExpiryAge()).UtcDateTime,
        };

        if (_key is null)
        {
            do
            {
                record.Key = SessionKeys.New();
            }
            while (!await _store.CreateAsync(record, cancellationToken));

            _key = record.Key;
            _metrics.SessionsCreated.Add(1);
        }
        else
        {
            record.Key = _key;
            if (!await _store.UpdateAsync(record, cancellationToken))
            {
                throw new SessionInterruptedException();
            }
        }

        _metrics.SessionsSaved.Add(1);
        IsModified = false;
        Saved = true;
    }

    private void Touch()
    {
        EnsureLoaded();
        Accessed = true;
    }

    private void EnsureLoaded()
    {
        if (!_loaded)
        {
            throw new InvalidOperationException("The session is not loaded: add app.UseClinicSessions() before this code, or await session.LoadAsync() first.");
        }
    }
}
