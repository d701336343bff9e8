using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Internal;

/// <summary>
/// Counts a view after the rest of the pipeline answered: a GET, a 2xx status, a matched endpoint that is marked (or
/// every endpoint when configured). Placed after routing and before a response cache, so cached answers still count.
/// </summary>
internal sealed class PageCountMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PageCountRegistry _registry;
    private readonly BotDetector _bots;
    private readonly VisitorIdentifier _visitors;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly bool _countAll;
    private readonly PageCountKey _keyBy;

    public PageCountMiddleware(
        RequestDelegate next,
        PageCountRegistry registry,
        BotDetector bots,
        VisitorIdentifier visitors,
        TimeProvider timeProvider,
        IOptions<PageCountOptions> options,
        ILogger<PageCountMiddleware> logger)
    {
        _next = next;
        _registry = registry;
        _bots = bots;
        _visitors = visitors;
        _timeProvider = timeProvider;
        _logger = logger;
        _countAll = options.Value.CountAllEndpoints;
        _keyBy = options.Value.KeyBy;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Not an async method: when the rest of the pipeline completes synchronously nothing is allocated here.
        var task = _next(context);
        if (task.IsCompletedSuccessfully)
        {
            Count(context);
            return Task.CompletedTask;
        }

        return AwaitThenCount(task, context);
    }

    private async Task AwaitThenCount(Task task, HttpContext context)
    {
        await task;
        Count(context);
    }

    private void Count(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return;
        }

        var status = context.Response.StatusCode;
        if (status is < 200 or > 299)
        {
            return;
        }

        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            return;
        }

        var marker = endpoint.Metadata.GetMetadata<PageCountAttribute>();
        if (marker is null && !_countAll)
        {
            return;
        }

        try
        {
            var keyBy = marker?.ExplicitKeyBy ?? _keyBy;
            var key = keyBy == PageCountKey.RoutePattern && endpoint is RouteEndpoint { RoutePattern.RawText: { } raw }
                ? _registry.PatternKey(raw)
                : context.Request.Path.Value ?? "/";
            var bot = _bots.IsBot(context.Request.Headers.UserAgent);
            var counted = _registry.Increment(key, bot);
            if (counted is not null && !bot && _visitors.Enabled)
            {
                var day = DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);
                if (_visitors.Identify(context, day) is { } visitor)
                {
                    _registry.AddVisit(new PageVisit(counted, day, visitor));
                }
            }
        }
#pragma warning disable CA1031 // Counting never fails a request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            PageCountLog.CountFailed(_logger, e);
        }
    }
}
