using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>
/// Runs the store's orphan cleanup every <see cref="ProfileOrphanCleanupOptions.Interval"/> in a scope of its own. A
/// failed run is logged and counted, and the next one comes as planned: a database or disk that is down for a while
/// never stops the schedule or the host.
/// </summary>
internal sealed class ProfileOrphanCleanupService(
    IServiceScopeFactory scopes,
    IOptions<ProfileOrphanCleanupOptions> options,
    TimeProvider timeProvider,
    ProfilesMetrics metrics,
    ILogger<ProfileOrphanCleanupService> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            if (scope.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IProfileOrphanRemover)) == false)
            {
                throw new InvalidOperationException(
                    "AddOrphanCleanup needs a profile store to know which files are referenced: call UseEntityFrameworkStore<TContext, TUser>() on AddClinicProfiles().");
            }
        }

        // Created here, not in ExecuteAsync (which runs in the background): the schedule starts when the host starts.
        _timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("The cleanup was not started.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One run; returns how many files were removed, or <see langword="null"/> when the run failed.</summary>
    internal async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var gracePeriod = options.Value.GracePeriod;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await scope.ServiceProvider.GetRequiredService<IProfileOrphanRemover>().RemoveOrphansAsync(gracePeriod, cancellationToken);
            metrics.OrphanCleanupRuns.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            ProfilesLog.OrphanCleanupCompleted(logger, removed, gracePeriod);
            return removed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Whatever failed (database, disk, a bug), the schedule goes on; the files stay until a run succeeds.
            metrics.OrphanCleanupRuns.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            ProfilesLog.OrphanCleanupFailed(logger, exception);
            return null;
        }
    }
}
