using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals;

/// <summary>
/// The arguments of <see cref="ModelSignals.SaveFailed"/>: a <c>SaveChanges</c> that failed (a database error, a
/// concurrency conflict, a cancellation, or a pre-signal receiver that vetoed it). No post signal is sent for it.
/// </summary>
public sealed class SaveFailedArgs
{
    internal SaveFailedArgs(DbContext context, Exception exception)
    {
        Context = context;
        Exception = exception;
    }

    /// <summary>The context whose save failed (also the sender of the signal).</summary>
    public DbContext Context { get; }

    /// <summary>Why it failed.</summary>
    public Exception Exception { get; }
}
