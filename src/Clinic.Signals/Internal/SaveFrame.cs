namespace Clinic.Signals.Internal;

/// <summary>One <c>SaveChanges</c> in progress on a context (nested saves stack their own frames).</summary>
internal sealed class SaveFrame
{
    public List<ModelEvent> Events { get; } = [];

    /// <summary>On-commit actions queued while this save was in progress: they wait for its outcome.</summary>
    public List<Func<CancellationToken, ValueTask>> Deferred { get; } = [];
}
