using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals.Internal;

/// <summary>
/// The model-signal state of one <see cref="DbContext"/>: the saves in progress (a stack, since a receiver may save
/// again) and the on-commit actions waiting for a transaction. A context is used by one thread at a time, and so is this.
/// </summary>
internal sealed class ContextSignalState
{
    private static readonly ConditionalWeakTable<DbContext, ContextSignalState> States = new();
    private readonly DbContext _context;

    private ContextSignalState(DbContext context, SignalsRuntime runtime)
    {
        _context = context;
        Runtime = runtime;
        context.SaveChangesFailed += OnSaveChangesFailed;
    }

    public SignalsRuntime Runtime { get; private set; }

    public List<SaveFrame> Frames { get; } = [];

    /// <summary>How many signal sends of this context are running (a save that starts meanwhile is nested).</summary>
    public int Dispatching { get; set; }

    /// <summary>An exception the interceptor already handled, so EF's failure notification of it is ignored.</summary>
    public Exception? Handled { get; set; }

    public List<PendingCommitAction> Pending { get; } = [];

    public static ContextSignalState For(DbContext context, SignalsRuntime runtime)
    {
        var state = States.GetValue(context, c => new ContextSignalState(c, runtime));
        state.Runtime = runtime;
        return state;
    }

    public static ContextSignalState? Find(DbContext context) => States.TryGetValue(context, out var state) ? state : null;

    public void SendFailed(Exception exception)
    {
        SignalsLog.SaveFailed(Runtime.Logger, _context.GetType().Name, exception);
        Runtime.SendRobust(ModelSignals.SaveFailed, _context, new SaveFailedArgs(_context, exception));
    }

    public List<PendingCommitAction>? Take(Guid transactionId, bool matching)
    {
        List<PendingCommitAction>? taken = null;
        for (var i = 0; i < Pending.Count; i++)
        {
            if ((Pending[i].TransactionId == transactionId) == matching)
            {
                (taken ??= []).Add(Pending[i]);
                Pending.RemoveAt(i);
                i--;
            }
        }

        return taken;
    }

    public void Discard(List<PendingCommitAction>? actions)
    {
        if (actions is { Count: > 0 })
        {
            SignalsLog.OnCommitDiscarded(Runtime.Logger, actions.Count, _context.GetType().Name);
            Runtime.Metrics?.OnCommitDiscarded(actions.Count);
        }
    }

    public async ValueTask RunAsync(IReadOnlyList<Func<CancellationToken, ValueTask>> actions, bool async, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            try
            {
                var pending = action(async ? cancellationToken : CancellationToken.None);
                if (async)
                {
                    await pending.ConfigureAwait(false);
                }
                else if (!pending.IsCompletedSuccessfully)
                {
                    pending.AsTask().GetAwaiter().GetResult();
                }
            }
#pragma warning disable CA1031 // The transaction has committed: one failing action must not stop the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SignalsLog.OnCommitFailed(Runtime.Logger, _context.GetType().Name, ex);
            }
        }

        Runtime.Metrics?.OnCommitRun(actions.Count);
    }

    private void OnSaveChangesFailed(object? sender, SaveChangesFailedEventArgs e)
    {
        if (ReferenceEquals(e.Exception, Handled))
        {
            Handled = null;
            return;
        }

        if (Frames.Count > 0)
        {
            Frames.RemoveAt(Frames.Count - 1);
        }

        SendFailed(e.Exception);
    }
}
