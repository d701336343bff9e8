using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals;

/// <summary>
/// The arguments of <see cref="ModelSignals.PostDelete{TEntity}"/>: an entity whose row was deleted (it is no
/// longer tracked). Sent after the write succeeded, before any surrounding transaction commits.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class PostDeleteArgs<TEntity>
    where TEntity : class
{
    internal PostDeleteArgs(TEntity entity, DbContext context)
    {
        Entity = entity;
        Context = context;
    }

    /// <summary>The entity that was deleted.</summary>
    public TEntity Entity { get; }

    /// <summary>The context that deleted it (also the sender of the signal).</summary>
    public DbContext Context { get; }
}
