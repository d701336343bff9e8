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
    private readonly ILogger _logger;
    private readonly string? _diagnosticHeader;
    private readonly PathString[] _excluded;

    public CachingMiddleware(
        RequestDelegate next,
        IResponseCacheStore store,
        CacheKeys keys,
        IOptions<CachingOptions> options,
        TimeProvider time,
        CachingMetrics metrics,
        StampedeGate gate,
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
            await RenderAsync(lookup);
            return;
        }

        var gateKey = lookup.Vary is null ? lookup.VaryKey + ":" + request.Method : PageKey(lookup, request.Method);
        if (_gate.TryEnter(gateKey, out var gate, out var leader))
        {
            try
            {
                await RenderAsync(lookup);
            }
            finally
            {
                _gate.Exit(gateKey, gate);
            }

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

        await RenderAsync(lookup);
    }

    /// <summary>Reads the vary record, then the page (GET first; for HEAD also a stored HEAD response).</summary>
    private async ValueTask<CachedResponse?> LookUpAsync(Lookup lookup)
    {
        try
        {
            var cancellation = lookup.Context.RequestAborted;
            var varyBytes = await _store.GetAsync(lookup.VaryKey, cancellation);
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

            var key = PageKey(lookup, HttpMethods.Get);
            var pageBytes = await _store.GetAsync(key, cancellation);
            if (pageBytes is null && lookup.IsHead)
            {
                key = PageKey(lookup, HttpMethods.Head);
                pageBytes = await _store.GetAsync(key, cancellation);
            }

            var cached = EntryFormat.ReadPage(pageBytes);
            if (cached is not null && _copy is not null)
            {
                await KeepCopyAsync(lookup, lookup.VaryKey, varyBytes!, key, pageBytes!);
            }

            return cached;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CachingLog.ReadFailed(_logger, e);
            return null;
        }
    }

    private async ValueTask KeepCopyAsync(Lookup lookup, string varyKey, byte[] vary, string pageKey, byte[] page, TimeSpan? timeout = null)
    {
        var options = new ResponseCacheEntryOptions(lookup.Url, timeout < _copyDuration ? timeout.Value : _copyDuration, []);
        await _copy!.SetAsync(varyKey, vary, options, CancellationToken.None);
        await _copy.SetAsync(pageKey, page, options, CancellationToken.None);
    }

    private string VaryKey(string urlPart)
    {
        var key = new char[_keys.VaryKeyLength(urlPart.Length)];
        _keys.WriteVaryKey(urlPart, key);
        return new string(key);
    }

    private string PageKey(Lookup lookup, string method) => PageKey(lookup.Page, method, lookup.UrlPart, lookup.Vary!, lookup.Context.Request);

    private string PageKey(CachePageAttribute? page, string method, string urlPart, VaryRecord vary, HttpRequest request)
    {
        var key = new char[_keys.PageKeyLength(page?.KeyPrefix, method, vary, urlPart.Length)];
        _keys.WritePageKey(page?.KeyPrefix, method, urlPart, vary, request, key);
        return new string(key);
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

    private async Task RenderAsync(Lookup lookup)
    {
        var context = lookup.Context;
        var response = context.Response;
        var originalBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new CaptureStream(response.Body, _options.MaximumBodySize);
        response.Body = capture;
        var state = new StoreState(this, lookup, capture);
        response.OnStarting(static s => ((StoreState)s).Decide(), state);
        try
        {
            await _next(context);
            if (!response.HasStarted)
            {
                await state.Decide();
            }

            if (state.Timeout is not null && capture.Capturing)
            {
                await context.Features.Get<IHttpResponseBodyFeature>()!.CompleteAsync();
                if (!capture.Overflowed && !context.RequestAborted.IsCancellationRequested)
                {
                    await StoreAsync(lookup, state.Timeout.Value, state.VaryNames!, capture);
                }
                else if (capture.Overflowed)
                {
                    _metrics.NotStored.Add(1);
                    CachingLog.NotStored(_logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, NotStoredReason.TooLarge);
                }
            }
        }
        finally
        {
            context.Features.Set(originalBody);
        }
    }

    private async Task StoreAsync(Lookup lookup, TimeSpan timeout, string[] varyNames, CaptureStream capture)
    {
        var context = lookup.Context;
        try
        {
            var now = _time.GetUtcNow();
            var data = EntryFormat.WritePage(now.ToUnixTimeMilliseconds(), context.Response.Headers, _options.DiagnosticHeaderName, capture.Captured);
            var vary = lookup.Vary is { } known && known.SameHeaders(varyNames)
                ? known
                : new VaryRecord(varyNames, UniqueTokens.Next());
            var varyLifetime = timeout > _options.DefaultTimeout ? timeout : _options.DefaultTimeout;
            await _store.SetAsync(lookup.VaryKey, EntryFormat.WriteVary(vary), new ResponseCacheEntryOptions(lookup.Url, varyLifetime, []), CancellationToken.None);

            var method = lookup.IsHead ? HttpMethods.Head : HttpMethods.Get;
            var key = PageKey(lookup.Page, method, lookup.UrlPart, vary, context.Request);
            var varyBytes = EntryFormat.WriteVary(vary);
            await _store.SetAsync(key, data, new ResponseCacheEntryOptions(lookup.Url, timeout, lookup.Page?.Tags ?? []), CancellationToken.None);
            if (_copy is not null)
            {
                await KeepCopyAsync(lookup, lookup.VaryKey, varyBytes, key, data, timeout);
            }

            _metrics.Stores.Add(1);
            CachingLog.Stored(_logger, method, context.Request.Path.Value ?? string.Empty, (int)timeout.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CachingLog.WriteFailed(_logger, e);
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
    }

    /// <summary>Decides, when the response starts, whether it will be stored, and patches its headers if so.</summary>
    private sealed class StoreState(CachingMiddleware owner, Lookup lookup, CaptureStream capture)
    {
        private bool _decided;

        public TimeSpan? Timeout { get; private set; }

        public string[]? VaryNames { get; private set; }

        public Task Decide()
        {
            if (_decided)
            {
                return Task.CompletedTask;
            }

            _decided = true;
            var context = lookup.Context;
            var reason = owner.Evaluate(lookup, out var timeout, out var varyNames);
            if (reason is null)
            {
                capture.StartCapture(context.Response.ContentLength);
                if (capture.Overflowed)
                {
                    reason = NotStoredReason.TooLarge;
                }
            }

            if (reason is not null)
            {
                owner._metrics.NotStored.Add(1);
                CachingLog.NotStored(owner._logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, reason);
                owner.Diagnose(context, reason);
                return Task.CompletedTask;
            }

            Timeout = timeout;
            VaryNames = varyNames;
            var headers = context.Response.Headers;
            if (!headers.ContainsKey(HeaderNames.Expires))
            {
                headers.Expires = HeaderUtilities.FormatDate(owner._time.GetUtcNow().Add(timeout));
            }

            headers.CacheControl = CacheControl.WithMaxAge(headers.CacheControl, (int)timeout.TotalSeconds);
            if (!headers.ContainsKey(HeaderNames.ETag))
            {
                headers.ETag = "\"" + UniqueTokens.Next() + "\"";
            }

            owner.Diagnose(context, NotStoredReason.Miss);
            return Task.CompletedTask;
        }
    }
}
