namespace Clinic.Profiles.Tests;

/// <summary>Tests that change process-wide state (the umask) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "Process-wide state";
}
