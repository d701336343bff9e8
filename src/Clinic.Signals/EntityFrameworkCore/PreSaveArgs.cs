using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals;

/// <summary>
/// The arguments of <see cref="ModelSignals.PreSave{TEntity}"/>: an entity about to be inserted or updated. A receiver
/// may change <see cref="Entity"/> (the change is saved) or veto the whole save by throwing.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class PreSaveArgs<TEntity>
    where TEntity : class
{
    internal PreSaveArgs(TEntity entity, DbContext context, bool created, IReadOnlyList<string> changedProperties)
    {
        Entity = entity;
        Context = context;
        Created = created;
        ChangedProperties = changedProperties;
    }

    /// <summary>The entity being saved.</summary>
    public TEntity Entity { get; }

    /// <summary>The context that saves it (also the sender of the signal).</summary>
    public DbContext Context { get; }

    /// <summary><see langword="true"/> when the entity is inserted, <see langword="false"/> when it is updated.</summary>
    public bool Created { get; }

    /// <summary>
    /// The names of the properties the save writes: the modified properties of an update, every property of an
    /// insert (Django's <c>update_fields</c>).
    /// </summary>
    public IReadOnlyList<string> ChangedProperties { get; }
}
