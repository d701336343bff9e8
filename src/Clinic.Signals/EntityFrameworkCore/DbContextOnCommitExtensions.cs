using Clinic.Signals.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Clinic.Signals;

/// <summary>
/// Django's <c>transaction.on_commit</c> for EF Core: run an action only once the data it depends on is committed.
/// Needs <c>options.UseClinicSignals(...)</c> on the context.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Inside an explicit transaction (<c>Database.BeginTransaction</c>), the action runs after that transaction
/// commits through EF Core, and never when it rolls back, fails, or is disposed without a commit.</item>
/// <item>Inside a <c>SaveChanges</c> that is not in an explicit transaction (for example from a pre-save receiver),
/// it runs after that save succeeded, and never when it fails.</item>
/// <item>Otherwise (for example from a post-save receiver of a save without an explicit transaction, whose rows are
/// committed already) it runs at once.</item>
/// </list>
/// Actions run in the order queued; one that throws is logged and the others still run. Rolling back to a savepoint
/// does not discard actions queued after it, and a transaction committed on the <c>DbTransaction</c> directly (not
/// through EF Core) or an ambient <c>TransactionScope</c> is not seen.
/// </remarks>
public static class DbContextOnCommitExtensions
{
    /// <summary>Runs <paramref name="action"/> when the current transaction of <paramref name="context"/> commits.</summary>
    /// <param name="context">The context.</param>
    /// <param name="action">What to do once the data is committed.</param>
    public static void OnCommit(this DbContext context, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!Enqueue(context, _ =>
            {
                action();
                return default;
            }))
        {
            action();
        }
    }

    /// <summary>Runs <paramref name="action"/> when the current transaction of <paramref name="context"/> commits.</summary>
    /// <param name="context">The context.</param>
    /// <param name="action">What to do once the data is committed; given the commit's cancellation token.</param>
    /// <param name="cancellationToken">Passed to <paramref name="action"/> when it runs at once.</param>
    /// <returns>A task that completes when the action is queued, or has run when there is nothing to wait for.</returns>
    public static ValueTask OnCommitAsync(this DbContext context, Func<CancellationToken, ValueTask> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Enqueue(context, action) ? default : action(cancellationToken);
    }

    private static bool Enqueue(DbContext context, Func<CancellationToken, ValueTask> action)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interceptor = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .OfType<ModelSignalsInterceptor>().FirstOrDefault() ?? throw new InvalidOperationException(
                $"OnCommit needs the Clinic.Signals interceptors on {context.GetType().Name}: call " +
                "options.UseClinicSignals(serviceProvider) where the context is configured.");

        var state = ContextSignalState.For(context, interceptor.Runtime);
        if (state.Frames.Count > 0)
        {
            state.Frames[^1].Deferred.Add(action);
            return true;
        }

        if (context.Database.CurrentTransaction is { } transaction)
        {
            state.Pending.Add(new PendingCommitAction(transaction.TransactionId, action));
            return true;
        }

        return false;
    }
}
