namespace Clinic.PageCount.Tests;

/// <summary>The SIGKILL test runs alone: it measures time-bound loss, which a machine busy with other tests would blur.</summary>
[CollectionDefinition(nameof(KillTests), DisableParallelization = true)]
public sealed class KillTestsCollection;
