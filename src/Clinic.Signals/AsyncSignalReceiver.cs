namespace Clinic.Signals;

/// <summary>An asynchronous receiver of a <see cref="Signal{TArgs}"/>.</summary>
/// <typeparam name="TArgs">The arguments the signal carries.</typeparam>
/// <param name="sender">The object that sent the signal, or <see langword="null"/> when the sender gave none.</param>
/// <param name="args">The arguments of this send.</param>
/// <param name="cancellationToken">Cancelled when the caller of the send gives up.</param>
/// <returns>A task that completes when the receiver is done.</returns>
public delegate ValueTask AsyncSignalReceiver<in TArgs>(object? sender, TArgs args, CancellationToken cancellationToken);
