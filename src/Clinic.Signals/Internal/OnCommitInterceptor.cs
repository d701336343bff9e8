using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Signals.Internal;

/// <summary>Runs on-commit actions when their transaction commits, and discards them when it does not.</summary>
internal sealed class OnCommitInterceptor : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        DropOthers(eventData, result);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        DropOthers(eventData, result);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        RunAsync(transaction, eventData, async: false, CancellationToken.None).Wait();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        RunAsync(transaction, eventData, async: true, cancellationToken).AsTask();

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(transaction, eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(transaction, eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void DropOthers(TransactionEventData eventData, DbTransaction started)
    {
        if (eventData.Context is { } context && ContextSignalState.Find(context) is { Pending.Count: > 0 } state)
        {
            // Actions of a transaction that ended without EF seeing it (disposed without commit): never committed.
            state.Discard(state.Take(eventData.TransactionId, matching: false));
        }
    }

    private static void Discard(DbTransaction transaction, TransactionEventData eventData)
    {
        if (eventData.Context is { } context && ContextSignalState.Find(context) is { Pending.Count: > 0 } state)
        {
            state.Discard(state.Take(eventData.TransactionId, matching: true));
        }
    }

    private static async ValueTask RunAsync(DbTransaction transaction, TransactionEventData eventData, bool async, CancellationToken cancellationToken)
    {
        if (eventData.Context is { } context && ContextSignalState.Find(context) is { Pending.Count: > 0 } state &&
            state.Take(eventData.TransactionId, matching: true) is { } actions)
        {
            var list = new List<Func<CancellationToken, ValueTask>>(actions.Count);
            foreach (var action in actions)
            {
                list.Add(action.Action);
            }

            await state.RunAsync(list, async, cancellationToken).ConfigureAwait(false);
        }
    }
}
