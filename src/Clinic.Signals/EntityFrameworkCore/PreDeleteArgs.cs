using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals;

/// <summary>
/// The arguments of <see cref="ModelSignals.PreDelete{TEntity}"/>: an entity about to be deleted. A receiver may veto
/// the whole save by throwing.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class PreDeleteArgs<TEntity>
    where TEntity : class
{
    internal PreDeleteArgs(TEntity entity, DbContext context)
    {
        Entity = entity;
        Context = context;
    }

    /// <summary>The entity being deleted.</summary>
    public TEntity Entity { get; }

    /// <summary>The context that deletes it (also the sender of the signal).</summary>
    public DbContext Context { get; }
}
