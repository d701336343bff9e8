using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals;

/// <summary>
/// The arguments of <see cref="ModelSignals.PostSave{TEntity}"/>: an entity that was inserted or updated; database-generated
/// values (keys, defaults, concurrency tokens) are already on it. Sent after the write succeeded, before any surrounding transaction commits (see <see cref="DbContextOnCommitExtensions"/>).
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class PostSaveArgs<TEntity>
    where TEntity : class
{
    internal PostSaveArgs(TEntity entity, DbContext context, bool created, IReadOnlyList<string> changedProperties)
    {
        Entity = entity;
        Context = context;
        Created = created;
        ChangedProperties = changedProperties;
    }

    /// <summary>The entity that was saved.</summary>
    public TEntity Entity { get; }

    /// <summary>The context that saved it (also the sender of the signal).</summary>
    public DbContext Context { get; }

    /// <summary><see langword="true"/> when the entity was inserted, <see langword="false"/> when it was updated.</summary>
    public bool Created { get; }

    /// <summary>
    /// The names of the properties the save wrote: the modified properties of an update, every property of an
    /// insert (Django's <c>update_fields</c>).
    /// </summary>
    public IReadOnlyList<string> ChangedProperties { get; }
}
