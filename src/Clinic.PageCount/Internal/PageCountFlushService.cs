using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Internal;

/// <summary>
/// Flushes every <see cref="PageCountOptions.FlushInterval"/>, and once more at shutdown. The web server stops before
/// this service (ASP.NET Core starts the server last), so the final flush sees every request that was answered.
/// </summary>
internal sealed class PageCountFlushService : BackgroundService
{
    private readonly PageCountFlusher _flusher;
    private readonly PageCountRegistry _registry;
    private readonly TimeProvider _timeProvider;
    private readonly PageCountOptions _options;
    private readonly ILogger _logger;

    public PageCountFlushService(
        PageCountFlusher flusher,
        PageCountRegistry registry,
        TimeProvider timeProvider,
        IOptions<PageCountOptions> options,
        ILogger<PageCountFlushService> logger)
    {
        _flusher = flusher;
        _registry = registry;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await _flusher.FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes once more.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        for (var attempt = 1; attempt <= _options.ShutdownFlushAttempts; attempt++)
        {
            if (await _flusher.FlushAsync(CancellationToken.None))
            {
                return;
            }

            if (attempt < _options.ShutdownFlushAttempts && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), _timeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        var lost = _registry.UnflushedViews;
        if (lost > 0)
        {
            PageCountLog.ViewsLostAtShutdown(_logger, lost);
        }
    }
}
