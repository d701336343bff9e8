namespace Clinic.Profiles;

/// <summary>
/// Settings of the scheduled orphan cleanup switched on by <c>AddOrphanCleanup</c>; validated when the application
/// starts.
/// </summary>
public sealed class ProfileOrphanCleanupOptions
{
    /// <summary>Time between two runs; the first run comes one interval after start-up. Default one hour; between one minute and seven days.</summary>
    public TimeSpan Interval { get; set; } = ClinicProfilesDefaults.OrphanCleanupInterval;

    /// <summary>
    /// How old an unreferenced file must be before it is deleted, so that an upload whose row is not committed yet is
    /// never taken for an orphan. Default one hour; at least one minute.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = ClinicProfilesDefaults.OrphanGracePeriod;
}
