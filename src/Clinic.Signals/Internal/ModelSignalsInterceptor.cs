using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Signals.Internal;

/// <summary>
/// Sends the model signals around <c>SaveChanges</c>: pre signals before the write (repeating for entities that
/// receivers add or change), post signals after it succeeded, <see cref="ModelSignals.SaveFailed"/> when it failed.
/// </summary>
internal sealed class ModelSignalsInterceptor(SignalsRuntime runtime, ModelSignalsOptions options) : SaveChangesInterceptor
{
    /// <summary>How deep saves made by receivers may nest before the save is refused as runaway recursion.</summary>
    public const int MaxNesting = 16;

    /// <summary>How many times pre-save receivers may add or change further entities in one save.</summary>
    public const int MaxRounds = 8;

    public SignalsRuntime Runtime { get; } = runtime;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            PreAsync(context, async: false, CancellationToken.None).Wait();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await PreAsync(context, async: true, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            PostAsync(context, async: false, CancellationToken.None).Wait();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await PostAsync(context, async: true, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static List<string> ChangedProperties(EntityEntry entry, bool created)
    {
        var names = new List<string>();
        foreach (var property in entry.Properties)
        {
            if (created || property.IsModified)
            {
                names.Add(property.Metadata.Name);
            }
        }

        return names;
    }

    /// <summary>Loads the dependents a deleted entity takes with it by cascade, so they get delete signals too.</summary>
    private static async ValueTask<bool> LoadCascadedAsync(EntityEntry entry, bool async, CancellationToken cancellationToken)
    {
        var loaded = false;
        foreach (var navigation in entry.Navigations)
        {
            if (navigation.IsLoaded || navigation.Metadata is not INavigation { IsOnDependent: false } metadata ||
                metadata.ForeignKey.DeleteBehavior is not (DeleteBehavior.Cascade or DeleteBehavior.ClientCascade) ||
                metadata.TargetEntityType.IsOwned())
            {
                continue;
            }

            if (async)
            {
                await navigation.LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                navigation.Load();
            }

            loaded = true;
        }

        return loaded;
    }

    private static bool StillPending(ModelEvent e) =>
        e.Deleted ? e.Entry.State == EntityState.Deleted : e.Entry.State is EntityState.Added or EntityState.Modified;

    private async ValueTask PreAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        var state = ContextSignalState.For(context, Runtime);
        if (state.Dispatching == 0)
        {
            // Not nested in a receiver: any frame left is from a save that ended without telling us.
            state.Frames.Clear();
        }

        if (state.Dispatching >= MaxNesting)
        {
            throw new InvalidOperationException(
                $"SaveChanges on {context.GetType().Name} is nested {MaxNesting} deep inside model-signal receivers: a " +
                "receiver probably saves again what made it run. Make the receiver save only when something changed.");
        }

        var frame = new SaveFrame();
        state.Frames.Add(frame);
        state.Dispatching++;
        try
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            for (var round = 0; ; round++)
            {
                List<ModelEvent>? batch = null;
                foreach (var entry in context.ChangeTracker.Entries())
                {
                    if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) ||
                        entry.Metadata.IsOwned() || entry.Metadata.HasSharedClrType || !seen.Add(entry.Entity))
                    {
                        continue;
                    }

                    var deleted = entry.State == EntityState.Deleted;
                    (batch ??= []).Add(new ModelEvent(entry, EntitySignals.For(entry.Metadata.ClrType), deleted, entry.State == EntityState.Added));
                }

                if (batch is null)
                {
                    break;
                }

                if (round == MaxRounds)
                {
                    throw new InvalidOperationException(
                        $"Pre-save receivers of {context.GetType().Name} kept adding or changing entities for {MaxRounds} rounds; " +
                        "make them change only the entity they receive, or stop after one change.");
                }

                var cascades = false;
                foreach (var e in batch)
                {
                    frame.Events.Add(e);
                    if (e.Deleted)
                    {
                        await e.Signals.PreDeleteAsync(Runtime, context, e, async, cancellationToken).ConfigureAwait(false);
                        if (options.SignalCascadeDeletes)
                        {
                            cascades |= await LoadCascadedAsync(e.Entry, async, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        e.ChangedProperties = ChangedProperties(e.Entry, e.Created);
                        await e.Signals.PreSaveAsync(Runtime, context, e, async, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (cascades)
                {
                    // Dependents just loaded are marked deleted now, so the next round sends their pre-delete signals.
                    context.ChangeTracker.CascadeChanges();
                }
            }

            // Receivers may have changed entities: what the post signals report is what is written.
            if (context.ChangeTracker.AutoDetectChangesEnabled)
            {
                context.ChangeTracker.DetectChanges();
            }

            frame.Events.RemoveAll(e => !StillPending(e));
            foreach (var e in frame.Events)
            {
                if (!e.Deleted)
                {
                    e.Created = e.Entry.State == EntityState.Added;
                    e.ChangedProperties = ChangedProperties(e.Entry, e.Created);
                }
            }

            Runtime.Metrics?.ModelEvents(frame.Events.Count);
        }
        catch (Exception ex)
        {
            // A veto (or a failing receiver): nothing is written, so the save failed.
            state.Frames.Remove(frame);
            state.Handled = ex;
            state.SendFailed(ex);
            throw;
        }
        finally
        {
            state.Dispatching--;
        }
    }

    private async ValueTask PostAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        if (ContextSignalState.Find(context) is not { Frames.Count: > 0 } state)
        {
            return;
        }

        var frame = state.Frames[^1];
        state.Frames.RemoveAt(state.Frames.Count - 1);
        state.Dispatching++;
        try
        {
            foreach (var e in frame.Events)
            {
                if (e.Deleted)
                {
                    await e.Signals.PostDeleteAsync(Runtime, context, e, async, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await e.Signals.PostSaveAsync(Runtime, context, e, async, cancellationToken).ConfigureAwait(false);
                }
            }

            Runtime.Metrics?.ModelEvents(frame.Events.Count);
        }
        catch (Exception ex)
        {
            // The rows are written: this is not a failed save, only a failing receiver.
            state.Handled = ex;
            throw;
        }
        finally
        {
            state.Dispatching--;
            if (frame.Deferred.Count > 0)
            {
                if (context.Database.CurrentTransaction is { } transaction)
                {
                    foreach (var action in frame.Deferred)
                    {
                        state.Pending.Add(new PendingCommitAction(transaction.TransactionId, action));
                    }
                }
                else
                {
                    await state.RunAsync(frame.Deferred, async, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
