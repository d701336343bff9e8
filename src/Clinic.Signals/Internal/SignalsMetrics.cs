using System.Diagnostics.Metrics;

namespace Clinic.Signals.Internal;

/// <summary>The counters of the <c>Clinic.Signals</c> meter.</summary>
internal sealed class SignalsMetrics
{
    public const string MeterName = "Clinic.Signals";

    private readonly Counter<long> _receiverErrors;
    private readonly Counter<long> _modelEvents;
    private readonly Counter<long> _onCommitRun;
    private readonly Counter<long> _onCommitDiscarded;

    public SignalsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _receiverErrors = meter.CreateCounter<long>("clinic.signals.receiver.errors", "{error}", "Receiver exceptions caught by robust sends.");
        _modelEvents = meter.CreateCounter<long>("clinic.signals.model.events", "{event}", "Model signals sent (pre/post save and delete).");
        _onCommitRun = meter.CreateCounter<long>("clinic.signals.oncommit.run", "{action}", "On-commit actions run after a commit.");
        _onCommitDiscarded = meter.CreateCounter<long>("clinic.signals.oncommit.discarded", "{action}", "On-commit actions discarded by a rollback.");
    }

    public void ReceiverFailed(string signal) => _receiverErrors.Add(1, new KeyValuePair<string, object?>("signal", signal));

    public void ModelEvents(int count) => _modelEvents.Add(count);

    public void OnCommitRun(int count) => _onCommitRun.Add(count);

    public void OnCommitDiscarded(int count) => _onCommitDiscarded.Add(count);
}
