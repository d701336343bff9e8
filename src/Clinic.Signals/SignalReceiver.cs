namespace Clinic.Signals;

/// <summary>A synchronous receiver of a <see cref="Signal{TArgs}"/>.</summary>
/// <typeparam name="TArgs">The arguments the signal carries.</typeparam>
/// <param name="sender">The object that sent the signal, or <see langword="null"/> when the sender gave none.</param>
/// <param name="args">The arguments of this send.</param>
public delegate void SignalReceiver<in TArgs>(object? sender, TArgs args);
