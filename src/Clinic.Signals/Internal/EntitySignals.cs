using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals.Internal;

/// <summary>Sends the model signals of one entity CLR type, found from the runtime type of a tracked entry.</summary>
internal abstract class EntitySignals
{
    private static readonly ConcurrentDictionary<Type, EntitySignals> Cache = new();

    public static EntitySignals For(Type entityType) =>
        Cache.GetOrAdd(entityType, static t => (EntitySignals)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(t))!);

    public abstract ValueTask PreSaveAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken);

    public abstract ValueTask PostSaveAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken);

    public abstract ValueTask PreDeleteAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken);

    public abstract ValueTask PostDeleteAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken);

    private sealed class Typed<TEntity> : EntitySignals
        where TEntity : class
    {
        public override ValueTask PreSaveAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken) =>
            runtime.SendAsync(ModelSignals.PreSave<TEntity>(), context, new PreSaveArgs<TEntity>((TEntity)e.Entity, context, e.Created, e.ChangedProperties), async, cancellationToken);

        public override ValueTask PostSaveAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken) =>
            runtime.SendAsync(ModelSignals.PostSave<TEntity>(), context, new PostSaveArgs<TEntity>((TEntity)e.Entity, context, e.Created, e.ChangedProperties), async, cancellationToken);

        public override ValueTask PreDeleteAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken) =>
            runtime.SendAsync(ModelSignals.PreDelete<TEntity>(), context, new PreDeleteArgs<TEntity>((TEntity)e.Entity, context), async, cancellationToken);

        public override ValueTask PostDeleteAsync(SignalsRuntime runtime, DbContext context, ModelEvent e, bool async, CancellationToken cancellationToken) =>
            runtime.SendAsync(ModelSignals.PostDelete<TEntity>(), context, new PostDeleteArgs<TEntity>((TEntity)e.Entity, context), async, cancellationToken);
    }
}
