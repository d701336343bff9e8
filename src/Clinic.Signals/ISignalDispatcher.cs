namespace Clinic.Signals;

/// <summary>
/// Sends signals from dependency-injection-aware code: a send runs the receivers connected to the
/// <see cref="Signal{TArgs}"/> (in the order they were connected), then the <see cref="ISignalReceiver{TArgs}"/>
/// classes registered with <c>services.AddSignalReceiver&lt;TArgs, TReceiver&gt;()</c>, resolved from the scope this
/// dispatcher belongs to (in registration order). Robust sends log each receiver failure.
/// </summary>
/// <remarks>Registered as a scoped service by <c>services.AddClinicSignals()</c>; take it in a constructor.</remarks>
public interface ISignalDispatcher
{
    /// <summary>Sends <paramref name="signal"/>; an exception stops the send and propagates.</summary>
    /// <typeparam name="TArgs">The arguments type of the signal.</typeparam>
    /// <param name="signal">The signal.</param>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    void Send<TArgs>(Signal<TArgs> signal, object? sender, TArgs args);

    /// <summary>Sends <paramref name="signal"/> to every receiver; each exception is caught, logged and returned.</summary>
    /// <typeparam name="TArgs">The arguments type of the signal.</typeparam>
    /// <param name="signal">The signal.</param>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The receivers that threw, in order; empty when none did.</returns>
    IReadOnlyList<SignalReceiverError> SendRobust<TArgs>(Signal<TArgs> signal, object? sender, TArgs args);

    /// <summary>Sends <paramref name="signal"/>, awaiting asynchronous receivers one after the other.</summary>
    /// <typeparam name="TArgs">The arguments type of the signal.</typeparam>
    /// <param name="signal">The signal.</param>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="cancellationToken">Passed to receivers; checked before each receiver.</param>
    /// <returns>A task that completes when every receiver has run.</returns>
    ValueTask SendAsync<TArgs>(Signal<TArgs> signal, object? sender, TArgs args, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="signal"/> to every receiver, awaiting each; exceptions are caught, logged and returned.</summary>
    /// <typeparam name="TArgs">The arguments type of the signal.</typeparam>
    /// <param name="signal">The signal.</param>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="cancellationToken">Passed to receivers; a cancelled token stops the send with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The receivers that threw, in order; empty when none did.</returns>
    ValueTask<IReadOnlyList<SignalReceiverError>> SendRobustAsync<TArgs>(Signal<TArgs> signal, object? sender, TArgs args, CancellationToken cancellationToken = default);
}
