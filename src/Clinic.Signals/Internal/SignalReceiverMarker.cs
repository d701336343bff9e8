namespace Clinic.Signals.Internal;

/// <summary>
/// Registered (once) when at least one <see cref="ISignalReceiver{TArgs}"/> is, so a dispatcher skips resolving
/// receivers for argument types nobody registered.
/// </summary>
/// <typeparam name="TArgs">The arguments type.</typeparam>
internal sealed class SignalReceiverMarker<TArgs>;
