namespace Clinic.Signals;

/// <summary>
/// The model signals that <c>UseClinicSignals</c> sends from EF Core's <c>SaveChanges</c>, one set per entity type:
/// a receiver of <c>ModelSignals.PostSave&lt;Patient&gt;()</c> sees patients only (the exact CLR type of the entity,
/// as Django sends with the concrete model class). The sender of every model signal is the <c>DbContext</c>.
/// </summary>
/// <remarks>
/// Owned entities and shared-type entities (such as implicit many-to-many join rows) raise no signals. Bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> and raw SQL raise no signals either (as Django's <c>QuerySet.update()</c>
/// does not). Dependents deleted by cascade get delete signals (they are loaded first) unless
/// <see cref="ModelSignalsOptions.SignalCascadeDeletes"/> is switched off.
/// </remarks>
public static class ModelSignals
{
    /// <summary>Sent before an entity is inserted or updated; receivers may change it or veto the save by throwing.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The signal for <typeparamref name="TEntity"/>.</returns>
    public static Signal<PreSaveArgs<TEntity>> PreSave<TEntity>()
        where TEntity : class => Holder<TEntity>.PreSave;

    /// <summary>Sent after an entity was inserted or updated, once per entity per successful <c>SaveChanges</c>.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The signal for <typeparamref name="TEntity"/>.</returns>
    public static Signal<PostSaveArgs<TEntity>> PostSave<TEntity>()
        where TEntity : class => Holder<TEntity>.PostSave;

    /// <summary>Sent before an entity is deleted; receivers may veto the save by throwing.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The signal for <typeparamref name="TEntity"/>.</returns>
    public static Signal<PreDeleteArgs<TEntity>> PreDelete<TEntity>()
        where TEntity : class => Holder<TEntity>.PreDelete;

    /// <summary>Sent after an entity was deleted, once per entity per successful <c>SaveChanges</c>.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The signal for <typeparamref name="TEntity"/>.</returns>
    public static Signal<PostDeleteArgs<TEntity>> PostDelete<TEntity>()
        where TEntity : class => Holder<TEntity>.PostDelete;

    /// <summary>Sent (robustly) when a <c>SaveChanges</c> fails; no post signal is sent for that attempt.</summary>
    public static Signal<SaveFailedArgs> SaveFailed { get; } = new("SaveFailed");

    private static class Holder<TEntity>
        where TEntity : class
    {
        public static readonly Signal<PreSaveArgs<TEntity>> PreSave = new("PreSave<" + typeof(TEntity).Name + ">");
        public static readonly Signal<PostSaveArgs<TEntity>> PostSave = new("PostSave<" + typeof(TEntity).Name + ">");
        public static readonly Signal<PreDeleteArgs<TEntity>> PreDelete = new("PreDelete<" + typeof(TEntity).Name + ">");
        public static readonly Signal<PostDeleteArgs<TEntity>> PostDelete = new("PostDelete<" + typeof(TEntity).Name + ">");
    }
}
