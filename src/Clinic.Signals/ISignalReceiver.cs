namespace Clinic.Signals;

/// <summary>
/// A receiver registered in dependency injection with
/// <see cref="Microsoft.Extensions.DependencyInjection.SignalsServiceCollectionExtensions.AddSignalReceiver{TArgs, TReceiver}"/>.
/// It is resolved from the sending scope each time a signal whose arguments are <typeparamref name="TArgs"/> is sent
/// through an <see cref="ISignalDispatcher"/>, so it may depend on scoped services such as a <c>DbContext</c>.
/// </summary>
/// <typeparam name="TArgs">The arguments type of the signal it receives.</typeparam>
public interface ISignalReceiver<in TArgs>
{
    /// <summary>Handles one send of the signal.</summary>
    /// <param name="sender">The object that sent the signal, or <see langword="null"/>.</param>
    /// <param name="args">The arguments of this send.</param>
    /// <param name="cancellationToken">Cancelled when the caller of the send gives up.</param>
    /// <returns>A task that completes when the receiver is done.</returns>
    ValueTask ReceiveAsync(object? sender, TArgs args, CancellationToken cancellationToken);
}
