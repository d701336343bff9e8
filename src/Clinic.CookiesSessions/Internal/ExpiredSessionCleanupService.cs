using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Removes expired sessions every <see cref="ClinicSessionOptions.CleanupInterval"/> (Django's <c>clearsessions</c>, scheduled).</summary>
internal sealed class ExpiredSessionCleanupService(
    IClinicSessionStore store,
    IOptions<ClinicSessionOptions> options,
    TimeProvider time,
    ILogger<ExpiredSessionCleanupService> logger,
    CookiesSessionsMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CleanupInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CleanOnceAsync(stoppingToken);
        }
    }

    internal async Task<int> CleanOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = await store.DeleteExpiredAsync(cancellationToken);
            CookiesSessionsLog.ExpiredSessionsRemoved(logger, removed);
            metrics.SessionsExpired.Add(removed);
            return removed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the failure is visible in the log.
            CookiesSessionsLog.SessionCleanupFailed(logger, ex);
            return 0;
        }
    }
}
