namespace Clinic.Profiles.Internal;

/// <summary>The store's orphan cleanup without its profile type, for the scheduled cleanup (scoped).</summary>
internal interface IProfileOrphanRemover
{
    Task<int> RemoveOrphansAsync(TimeSpan minimumAge, CancellationToken cancellationToken);
}
