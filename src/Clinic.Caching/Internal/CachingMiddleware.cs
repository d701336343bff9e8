using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clinic.Caching.Internal;

/// <summary>
/// Django's fetch and update cache middlewares in one: looks the request up by its URL and the learned <c>Vary</c>
/// values, serves a hit without running the rest of the pipeline, and stores a miss's response when every safety
/// rule allows it.
/// </summary>
internal sealed class CachingMiddleware
{
    private const int StackKeyLimit = 512;
    private static readonly string[] AgeStrings = new string[3601];
    private readonly RequestDelegate _next;
    private readonly IResponseCacheStore _store;
    private readonly ILocalResponseCacheStore? _local;
    private readonly MemoryResponseCacheStore? _copy;
    private readonly TimeSpan _copyDuration;
    private readonly CacheKeys _keys;
    private readonly CachingOptions _options;
    private readonly TimeProvider _time;
    private readonly CachingMetrics _metrics;
    private readonly StampedeGate _gate;
    private readonly PendingStoreWrites _pending;
    private readonly StoreReadCoalescer _reads;
    private readonly bool _storeIsLocal;
    private readonly ILogger _logger;
    private readonly string? _diagnosticHeader;
    private readonly PathString[] _excluded;
    private readonly HeaderValueMemo _headerValues = new();

    public CachingMiddleware(
        RequestDelegate next,
        IResponseCacheStore store,
        CacheKeys keys,
        IOptions<CachingOptions> options,
        TimeProvider time,
        CachingMetrics metrics,
        StampedeGate gate,
        PendingStoreWrites pending,
        StoreReadCoalescer reads,
        LocalCopy copy,
        ILogger<CachingMiddleware> logger,
        IHostEnvironment environment)
    {
        _next = next;
        _store = store;
        _copy = copy.Store;
        _copyDuration = copy.Duration;
        _local = store as ILocalResponseCacheStore ?? _copy;
        _keys = keys;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _gate = gate;
        _pending = pending;
        _reads = reads;
        _storeIsLocal = store is ILocalResponseCacheStore;
        _logger = logger;
        _diagnosticHeader = (_options.EmitDiagnosticHeader ?? environment.IsDevelopment()) ? _options.DiagnosticHeaderName : null;
        _excluded = [.. _options.ExcludedPaths.Select(p => new PathString(p.TrimEnd('/')))];
    }

    public Task InvokeAsync(HttpContext context)
    {
        var page = context.GetEndpoint()?.Metadata.GetMetadata<CachePageAttribute>();
        if (page is null && (!_options.SiteWide || IsExcluded(context.Request.Path)))
        {
            if (_options.SiteWide)
            {
                Diagnose(context, NotStoredReason.BypassExcluded);
            }

            return _next(context);
        }

        var method = context.Request.Method;
        var isHead = HttpMethods.IsHead(method);
        if (!isHead && !HttpMethods.IsGet(method))
        {
            Diagnose(context, NotStoredReason.BypassMethod);
            return _next(context);
        }

        if (_local is not null && TryServeLocal(context, page, isHead, out var served))
        {
            return served;
        }

        return InvokeSlowAsync(context, page, isHead);
    }

    private bool IsExcluded(PathString path)
    {
        foreach (var prefix in _excluded)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The allocation-free hit path of an in-process store: span keys, parsed entries kept on the entry.</summary>
    private bool TryServeLocal(HttpContext context, CachePageAttribute? page, bool isHead, out Task served)
    {
        served = Task.CompletedTask;
        var request = context.Request;
        var urlLength = _keys.UrlPartLength(request);
        var varyLength = _keys.VaryKeyLength(urlLength);
        if (varyLength > StackKeyLimit)
        {
            return false;
        }

        Span<char> varyKey = stackalloc char[StackKeyLimit];
        varyKey = varyKey[..varyLength];
        var urlPart = varyKey[(varyLength - urlLength)..];
        _keys.WriteVaryKey(default, varyKey);
        _keys.WriteUrlPart(request, urlPart);
        if (!_local!.TryGetLocal(varyKey, out var varyEntry))
        {
            return false;
        }

        var vary = varyEntry.Parsed as VaryRecord ?? (VaryRecord?)(varyEntry.Parsed = EntryFormat.ReadVary(varyEntry.Value));
        if (vary is null || !MayServe(context, vary))
        {
            return false;
        }

        var length = _keys.PageKeyLength(page?.KeyPrefix, HttpMethods.Head, vary, urlLength);
        if (length > StackKeyLimit * 2)
        {
            return false;
        }

        Span<char> pageKey = stackalloc char[StackKeyLimit * 2];
        var cached = TryLocalPage(page, HttpMethods.Get, urlPart, vary, request, pageKey);
        if (cached is null && isHead)
        {
            cached = TryLocalPage(page, HttpMethods.Head, urlPart, vary, request, pageKey);
        }

        if (cached is null)
        {
            return false;
        }

        served = ServeAsync(context, cached, isHead);
        return true;
    }

    private CachedResponse? TryLocalPage(CachePageAttribute? page, string method, ReadOnlySpan<char> urlPart, VaryRecord vary, HttpRequest request, Span<char> buffer)
    {
        var key = buffer[.._keys.PageKeyLength(page?.KeyPrefix, method, vary, urlPart.Length)];
        _keys.WritePageKey(page?.KeyPrefix, method, urlPart, vary, request, key);
        if (!_local!.TryGetLocal(key, out var entry))
        {
            return null;
        }

        return entry.Parsed as CachedResponse ?? (CachedResponse?)(entry.Parsed = EntryFormat.ReadPage(entry.Value));
    }

    private async Task InvokeSlowAsync(HttpContext context, CachePageAttribute? page, bool isHead)
    {
        var request = context.Request;
        var url = CacheKeys.BuildUrl(request);
        var lookup = new Lookup(context, page, isHead, url, _keys.UrlPart(url));
        lookup.VaryKey = VaryKey(lookup.UrlPart);
        var cached = await LookUpAsync(lookup);
        if (cached is not null)
        {
            await ServeAsync(context, cached, isHead);
            return;
        }

        _metrics.Misses.Add(1);
        if (_options.StampedeTimeout <= TimeSpan.Zero || !lookup.MayServe)
        {
            await RenderAsync(lookup, null);
            return;
        }

        var gateKey = lookup.Vary is null ? lookup.VaryKey + ":" + request.Method : PageKey(lookup, request.Method, lookup.Vary);
        if (_gate.TryEnter(gateKey, out var gate, out var leader))
        {
            // The gate stays shut until the entry is in the store (RenderAsync or the background write opens it).
            await RenderAsync(lookup, new GateTicket(_gate, gateKey, gate));
            return;
        }

        try
        {
            await leader.WaitAsync(_options.StampedeTimeout, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            CachingLog.StampedeTimedOut(_logger, _options.StampedeTimeout.TotalSeconds);
        }

        cached = await LookUpAsync(lookup);
        if (cached is not null)
        {
            await ServeAsync(context, cached, isHead);
            return;
        }

        await RenderAsync(lookup, null);
    }

    /// <summary>Reads the vary record, then the page (GET first; for HEAD also a stored HEAD response).</summary>
    private async ValueTask<CachedResponse?> LookUpAsync(Lookup lookup)
    {
        try
        {
            var cancellation = lookup.Context.RequestAborted;
            var varyBytes = await ReadAsync(lookup.VaryKey, cancellation);
            lookup.Vary = EntryFormat.ReadVary(varyBytes);
            if (lookup.Vary is null)
            {
                return null;
            }

            if (!MayServe(lookup.Context, lookup.Vary))
            {
                lookup.MayServe = false;
                return null;
            }

            var key = PageKey(lookup, HttpMethods.Get, lookup.Vary);
            var pageBytes = await ReadAsync(key, cancellation);
            if (pageBytes is null && lookup.IsHead)
            {
                key = PageKey(lookup, HttpMethods.Head, lookup.Vary);
                pageBytes = await ReadAsync(key, cancellation);
            }

            var cached = EntryFormat.ReadPage(pageBytes);
            if (cached is not null && _copy is not null)
            {
                await KeepCopyAsync(lookup.Url, lookup.VaryKey, varyBytes!, key, pageBytes!);
            }

            return cached;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.StoreFailed("read");
            CachingLog.ReadFailed(_logger, e);
            return null;
        }
    }

    /// <summary>The memory store is read directly; other stores through the coalescer.</summary>
    private ValueTask<byte[]?> ReadAsync(string key, CancellationToken cancellationToken) =>
        _storeIsLocal ? _store.GetAsync(key, cancellationToken) : _reads.GetAsync(_store, key, cancellationToken);

    private async ValueTask KeepCopyAsync(string url, string varyKey, byte[] vary, string pageKey, byte[] page, TimeSpan? timeout = null)
    {
        var options = new ResponseCacheEntryOptions(url, timeout < _copyDuration ? timeout.Value : _copyDuration, []);
        await _copy!.SetAsync(varyKey, vary, options, CancellationToken.None);
        await _copy.SetAsync(pageKey, page, options, CancellationToken.None);
    }

    private string VaryKey(string urlPart) =>
        string.Create(_keys.VaryKeyLength(urlPart.Length), (_keys, urlPart), static (span, s) => s._keys.WriteVaryKey(s.urlPart, span));

    /// <summary>The page key of <paramref name="method"/> under <paramref name="vary"/>, computed once per lookup.</summary>
    private string PageKey(Lookup lookup, string method, VaryRecord vary)
    {
        if (lookup.KeyMemo is { } memo && string.Equals(memo.Method, method, StringComparison.Ordinal) && ReferenceEquals(memo.Vary, vary))
        {
            return memo.Key;
        }

        var key = string.Create(
            _keys.PageKeyLength(lookup.Page?.KeyPrefix, method, vary, lookup.UrlPart.Length),
            (_keys, lookup, method, vary),
            static (span, s) => s._keys.WritePageKey(s.lookup.Page?.KeyPrefix, s.method, s.lookup.UrlPart, s.vary, s.lookup.Context.Request, span));
        lookup.KeyMemo = new KeyMemo(method, vary, key);
        return key;
    }

    /// <summary>
    /// A cached response is only handed to a request with <c>Authorization</c> when the response varies on it, and
    /// to a signed-in user when it varies on <c>Cookie</c> or <c>Authorization</c>.
    /// </summary>
    private static bool MayServe(HttpContext context, VaryRecord vary)
    {
        if (!vary.VariesOnAuthorization && context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        return vary.VariesOnCookie || vary.VariesOnAuthorization || !IsSignedIn(context);
    }

    private static bool IsSignedIn(HttpContext context) =>
        context.Features.Get<IHttpAuthenticationFeature>()?.User?.Identity?.IsAuthenticated == true;

    private Task ServeAsync(HttpContext context, CachedResponse cached, bool isHead)
    {
        var response = context.Response;
        _metrics.Hits.Add(1);
        CachingLog.Hit(_logger, context.Request.Method, context.Request.Path.Value ?? string.Empty);
        if (IsNotModified(context.Request, cached))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            for (var i = 0; i < cached.HeaderNames.Length; i++)
            {
                if (IsNotModifiedHeader(cached.HeaderNames[i]))
                {
                    response.Headers[cached.HeaderNames[i]] = cached.HeaderValues[i];
                }
            }

            Diagnose(context, NotStoredReason.Hit);
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        for (var i = 0; i < cached.HeaderNames.Length; i++)
        {
            headers[cached.HeaderNames[i]] = cached.HeaderValues[i];
        }

        var age = (_time.GetUtcNow().ToUnixTimeMilliseconds() - cached.CreatedUnixMilliseconds) / 1000;
        headers.Age = AgeString(age);
        response.ContentLength = cached.Body.Length;
        Diagnose(context, NotStoredReason.Hit);
        return isHead || cached.Body.IsEmpty ? Task.CompletedTask : response.Body.WriteAsync(cached.Body, context.RequestAborted).AsTask();
    }

    private static string AgeString(long seconds)
    {
        seconds = Math.Max(0, seconds);
        return seconds < AgeStrings.Length
            ? AgeStrings[seconds] ??= seconds.ToString(CultureInfo.InvariantCulture)
            : seconds.ToString(CultureInfo.InvariantCulture);
    }

    private static bool IsNotModifiedHeader(string name) =>
        name.Equals(HeaderNames.CacheControl, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.ContentLocation, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Expires, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Vary, StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 9110 13.1.2 (weak comparison) and 13.1.3: If-None-Match wins over If-Modified-Since.</summary>
    private static bool IsNotModified(HttpRequest request, CachedResponse cached)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (cached.ETag is null)
            {
                return false;
            }

            var target = StripWeak(cached.ETag.AsSpan().Trim());
            foreach (var header in ifNoneMatch)
            {
                foreach (var range in header.AsSpan().Split(','))
                {
                    var candidate = header.AsSpan()[range].Trim();
                    if (candidate is "*" || StripWeak(candidate).SequenceEqual(target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var ifModifiedSince = request.Headers.IfModifiedSince;
        return !StringValues.IsNullOrEmpty(ifModifiedSince)
            && cached.LastModified is { } lastModified
            && HeaderUtilities.TryParseDate(ifModifiedSince.ToString(), out var since)
            && lastModified <= since;
    }

    private static ReadOnlySpan<char> StripWeak(ReadOnlySpan<char> etag) => etag.StartsWith("W/") ? etag[2..] : etag;

    private void Diagnose(HttpContext context, string value)
    {
        if (_diagnosticHeader is not null && !context.Response.HasStarted)
        {
            context.Response.Headers[_diagnosticHeader] = value;
        }
    }

    /// <summary>
    /// Runs the page with its body captured. A storable response is completed first (the client has it all), then
    /// stored: inline for the memory store, on the thread pool for the others (bounded by <see cref="PendingStoreWrites"/>).
    /// </summary>
    private async Task RenderAsync(Lookup lookup, GateTicket? ticket)
    {
        var context = lookup.Context;
        var response = context.Response;
        var originalBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new ResponseCapture(originalBody, _options.MaximumBodySize);
        var state = new StoreState(this, lookup, capture);
        PendingStore? pending = null;
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            response.OnStarting(static s => ((StoreState)s).Decide(), state);
            await _next(context);
            if (!response.HasStarted)
            {
                await state.Decide();
            }

            if (state.Head is not null)
            {
                if (capture.Capturing)
                {
                    await originalBody.CompleteAsync();
                }

                if (capture.Overflowed)
                {
                    _metrics.NotStored.Add(1);
                    CachingLog.NotStored(_logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, NotStoredReason.TooLarge);
                }
                else if (capture.Capturing && !context.RequestAborted.IsCancellationRequested)
                {
                    pending = Prepare(lookup, state, capture, ticket);
                }
            }
        }
        finally
        {
            context.Features.Set(originalBody);
            capture.Dispose();
            state.Head?.Dispose();
            if (pending is null)
            {
                ticket?.Exit();
            }
        }

        if (pending is null)
        {
            return;
        }

        if (_copy is not null)
        {
            await KeepCopyAsync(pending.Url, pending.VaryKey, pending.VaryBytes, pending.PageKey, pending.Data, pending.Timeout);
        }

        if (_storeIsLocal || !_pending.TryStart(static s => ((PendingStore)s!).Owner.StoreAsync((PendingStore)s!), pending))
        {
            await StoreAsync(pending);
        }
    }

    /// <summary>Everything the write needs, taken from the request while it is still alive.</summary>
    private PendingStore Prepare(Lookup lookup, StoreState state, ResponseCapture capture, GateTicket? ticket)
    {
        var vary = lookup.Vary is { } known && known.SameHeaders(state.VaryNames!)
            ? known
            : new VaryRecord(state.VaryNames!, UniqueTokens.Next());
        var method = lookup.IsHead ? HttpMethods.Head : HttpMethods.Get;
        var timeout = state.Timeout!.Value;
        return new PendingStore(this, ticket)
        {
            Url = lookup.Url,
            Path = lookup.Context.Request.Path.Value ?? string.Empty,
            Method = method,
            VaryKey = lookup.VaryKey,
            VaryBytes = EntryFormat.WriteVary(vary),
            VaryLifetime = timeout > _options.DefaultTimeout ? timeout : _options.DefaultTimeout,
            PageKey = PageKey(lookup, method, vary),
            Data = EntryFormat.ComposePage(state.Head!.Span, capture.Captured),
            Timeout = timeout,
            Tags = lookup.Page?.Tags ?? [],
        };
    }

    /// <summary>The page first, then the vary record that leads to it, so a reader never finds the record without the page.</summary>
    private async Task StoreAsync(PendingStore pending)
    {
        try
        {
            await _store.SetAsync(pending.PageKey, pending.Data, new ResponseCacheEntryOptions(pending.Url, pending.Timeout, pending.Tags), CancellationToken.None);
            await _store.SetAsync(pending.VaryKey, pending.VaryBytes, new ResponseCacheEntryOptions(pending.Url, pending.VaryLifetime, []), CancellationToken.None);
            _metrics.Stores.Add(1);
            CachingLog.Stored(_logger, pending.Method, pending.Path, (int)pending.Timeout.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.StoreFailed("write");
            CachingLog.WriteFailed(_logger, e);
        }
        finally
        {
            pending.Ticket?.Exit();
        }
    }

    /// <summary>
    /// Django's <c>UpdateCacheMiddleware.process_response</c> rules plus ours; returns the diagnostic text of the
    /// first rule that refuses, or <see langword="null"/> with the lifetime and learned vary list.
    /// </summary>
    private string? Evaluate(Lookup lookup, out TimeSpan timeout, out string[]? varyNames)
    {
        var context = lookup.Context;
        var response = context.Response;
        var headers = response.Headers;
        timeout = default;
        varyNames = null;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            return NotStoredReason.Status;
        }

        if (headers.ContainsKey(HeaderNames.ContentRange))
        {
            return NotStoredReason.Partial;
        }

        var cacheControl = CacheControl.Parse(headers.CacheControl);
        if (cacheControl.Private)
        {
            return NotStoredReason.Private;
        }

        if (cacheControl.NoStore)
        {
            return NotStoredReason.NoStore;
        }

        if (cacheControl.NoCache)
        {
            return NotStoredReason.NoCache;
        }

        varyNames = VaryHeader.Parse(headers.Vary);
        if (varyNames is null)
        {
            return NotStoredReason.VaryStar;
        }

        var variesOnCookie = Array.IndexOf(varyNames, "cookie") >= 0;
        var variesOnAuthorization = Array.IndexOf(varyNames, "authorization") >= 0;
        if (headers.ContainsKey(HeaderNames.SetCookie) && !(variesOnCookie && context.Request.Headers.ContainsKey(HeaderNames.Cookie)))
        {
            return NotStoredReason.SetCookie;
        }

        if (!variesOnAuthorization && context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return NotStoredReason.Authorization;
        }

        if (!variesOnCookie && !variesOnAuthorization && IsSignedIn(context))
        {
            return NotStoredReason.SignedIn;
        }

        if (lookup.Page is { } page)
        {
            timeout = page.Duration;
        }
        else if (cacheControl.MaxAge is { } maxAge)
        {
            if (maxAge == 0)
            {
                return NotStoredReason.MaxAgeZero;
            }

            timeout = TimeSpan.FromSeconds(maxAge);
        }
        else
        {
            timeout = _options.DefaultTimeout;
        }

        return null;
    }

    /// <summary>Per-request state of a lookup.</summary>
    private sealed class Lookup(HttpContext context, CachePageAttribute? page, bool isHead, string url, string urlPart)
    {
        public HttpContext Context { get; } = context;

        public CachePageAttribute? Page { get; } = page;

        public bool IsHead { get; } = isHead;

        public string Url { get; } = url;

        public string UrlPart { get; } = urlPart;

        public string VaryKey { get; set; } = string.Empty;

        public VaryRecord? Vary { get; set; }

        public bool MayServe { get; set; } = true;

        public KeyMemo? KeyMemo { get; set; }
    }

    /// <summary>The last page key computed for a lookup (the gate, the read and the write often need the same one).</summary>
    private sealed record KeyMemo(string Method, VaryRecord Vary, string Key);

    /// <summary>A shut stampede gate, opened once the entry is stored (or the render ends without one).</summary>
    private sealed class GateTicket(StampedeGate gate, string key, TaskCompletionSource tcs)
    {
        private int _exited;

        public void Exit()
        {
            if (Interlocked.Exchange(ref _exited, 1) == 0)
            {
                gate.Exit(key, tcs);
            }
        }
    }

    /// <summary>A store write prepared on the request, run inline or in the background.</summary>
    private sealed class PendingStore(CachingMiddleware owner, GateTicket? ticket)
    {
        public CachingMiddleware Owner { get; } = owner;

        public GateTicket? Ticket { get; } = ticket;

        public required string Url { get; init; }

        public required string Path { get; init; }

        public required string Method { get; init; }

        public required string VaryKey { get; init; }

        public required byte[] VaryBytes { get; init; }

        public required TimeSpan VaryLifetime { get; init; }

        public required string PageKey { get; init; }

        public required byte[] Data { get; init; }

        public required TimeSpan Timeout { get; init; }

        public required IReadOnlyList<string> Tags { get; init; }
    }

    /// <summary>Decides, when the response starts, whether it will be stored; if so patches its headers and serializes them.</summary>
    private sealed class StoreState(CachingMiddleware owner, Lookup lookup, ResponseCapture capture)
    {
        private bool _decided;

        public TimeSpan? Timeout { get; private set; }

        public string[]? VaryNames { get; private set; }

        /// <summary>The entry's serialized head (set when the response is to be stored).</summary>
        public PooledBytes? Head { get; private set; }

        public Task Decide()
        {
            if (_decided)
            {
                return Task.CompletedTask;
            }

            _decided = true;
            var context = lookup.Context;
            var response = context.Response;
            var reason = owner.Evaluate(lookup, out var timeout, out var varyNames);
            if (reason is null && response.ContentLength > owner._options.MaximumBodySize)
            {
                reason = NotStoredReason.TooLarge;
            }

            capture.Decide(reason is null, response.ContentLength);
            if (reason is not null)
            {
                owner._metrics.NotStored.Add(1);
                CachingLog.NotStored(owner._logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, reason);
                owner.Diagnose(context, reason);
                return Task.CompletedTask;
            }

            Timeout = timeout;
            VaryNames = varyNames;
            var headers = response.Headers;
            var now = owner._time.GetUtcNow();
            if (!headers.ContainsKey(HeaderNames.Expires))
            {
                headers.Expires = owner._headerValues.Expires(now.Add(timeout));
            }

            headers.CacheControl = owner._headerValues.WithMaxAge(headers.CacheControl, (int)timeout.TotalSeconds);
            if (!headers.ContainsKey(HeaderNames.ETag))
            {
                headers.ETag = UniqueTokens.NextQuoted();
            }

            Head = EntryFormat.WritePageHead(now.ToUnixTimeMilliseconds(), headers, owner._options.DiagnosticHeaderName);
            owner.Diagnose(context, NotStoredReason.Miss);
            return Task.CompletedTask;
        }
    }
}
