using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Clinic.Signals.Internal;

/// <summary>One entity of one save: what its pre signal said, so its post signal says the same.</summary>
internal sealed class ModelEvent(EntityEntry entry, EntitySignals signals, bool deleted, bool created)
{
    public EntityEntry Entry { get; } = entry;

    public object Entity { get; } = entry.Entity;

    public EntitySignals Signals { get; } = signals;

    public bool Deleted { get; } = deleted;

    public bool Created { get; set; } = created;

    public IReadOnlyList<string> ChangedProperties { get; set; } = [];
}
