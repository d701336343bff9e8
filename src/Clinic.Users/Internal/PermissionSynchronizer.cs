using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Internal;

/// <summary>Creates missing default and custom permissions at start-up.</summary>
internal sealed class PermissionSynchronizer<TContext> : IHostedService
    where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<ClinicUsersOptions> _options;
    private readonly ILogger<PermissionSynchronizer<TContext>> _logger;

    public PermissionSynchronizer(IServiceScopeFactory scopes, IOptions<ClinicUsersOptions> options, ILogger<PermissionSynchronizer<TContext>> logger)
    {
        _scopes = scopes;
        _options = options;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        _options.Value.CreatePermissionsOnStartup ? SynchronizeAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inserts the expected permissions that are missing; returns how many were inserted.</summary>
    public async Task<int> SynchronizeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SynchronizeOnceAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            _logger.PermissionsRace(ex);
            return await SynchronizeOnceAsync(cancellationToken);
        }
    }

    private async Task<int> SynchronizeOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var expected = PermissionCatalog.Expected(context.Model, typeof(TContext), _options.Value);
        var existing = await context.Set<ClinicPermission>().AsNoTracking()
            .Select(p => new { p.AppLabel, p.Codename })
            .ToListAsync(cancellationToken);
        var have = existing.Select(p => p.AppLabel + "." + p.Codename).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(p => !have.Contains(p.ToString())).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        context.Set<ClinicPermission>().AddRange(missing);
        await context.SaveChangesAsync(cancellationToken);
        context.ChangeTracker.Clear();
        _logger.PermissionsCreated(missing.Count, typeof(TContext).Name);
        return missing.Count;
    }
}
