using System.Diagnostics.Metrics;

namespace Clinic.Profiles.Internal;

/// <summary>Counters on the <c>Clinic.Profiles</c> meter.</summary>
internal sealed class ProfilesMetrics
{
    public const string MeterName = "Clinic.Profiles";

    public ProfilesMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        ImagesAccepted = meter.CreateCounter<long>("clinic.profiles.images.accepted", "{image}", "Uploads accepted and re-encoded.");
        ImagesRejected = meter.CreateCounter<long>("clinic.profiles.images.rejected", "{image}", "Uploads refused, by reason.");
        FilesSaved = meter.CreateCounter<long>("clinic.profiles.media.saved", "{file}", "Media files written.");
        FilesDeleted = meter.CreateCounter<long>("clinic.profiles.media.deleted", "{file}", "Media files deleted.");
        ProfilesCreated = meter.CreateCounter<long>("clinic.profiles.created", "{profile}", "Profiles created.");
        FormsSaved = meter.CreateCounter<long>("clinic.profiles.forms.saved", "{form}", "User and profile forms saved together.");
        FormsRejected = meter.CreateCounter<long>("clinic.profiles.forms.rejected", "{form}", "User and profile forms refused; nothing saved.");
        OrphanCleanupRuns = meter.CreateCounter<long>("clinic.profiles.orphan_cleanup.runs", "{run}", "Runs of the scheduled orphan cleanup, by outcome (success, failure).");
        OrphansRemoved = meter.CreateCounter<long>("clinic.profiles.media.orphans_removed", "{file}", "Media files no profile refers to, removed by the cleanup.");
    }

    public Counter<long> ImagesAccepted { get; }

    public Counter<long> ImagesRejected { get; }

    public Counter<long> FilesSaved { get; }

    public Counter<long> FilesDeleted { get; }

    public Counter<long> ProfilesCreated { get; }

    public Counter<long> OrphansRemoved { get; }

    public Counter<long> FormsSaved { get; }

    public Counter<long> FormsRejected { get; }

    public Counter<long> OrphanCleanupRuns { get; }
}
