namespace Clinic.Signals;

/// <summary>A receiver that threw during a robust send, with what it threw.</summary>
public sealed class SignalReceiverError
{
    internal SignalReceiverError(object receiver, Exception exception)
    {
        Receiver = receiver;
        Exception = exception;
    }

    /// <summary>
    /// The receiver that threw: the connected delegate (<see cref="SignalReceiver{TArgs}"/> or
    /// <see cref="AsyncSignalReceiver{TArgs}"/>) or the <see cref="ISignalReceiver{TArgs}"/> instance resolved from
    /// dependency injection.
    /// </summary>
    public object Receiver { get; }

    /// <summary>What the receiver threw.</summary>
    public Exception Exception { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Internal.ReceiverNames.Describe(Receiver)}: {Exception.GetType().Name}: {Exception.Message}";
}
