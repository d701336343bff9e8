using Clinic.Signals.Internal;

namespace Clinic.Signals;

/// <summary>
/// The handle <see cref="Signal{TArgs}.Connect(SignalReceiver{TArgs}, object?, string?)"/> returns: disposing it
/// disconnects the receiver it connected. Disposing twice, or after the receiver was disconnected another way, does
/// nothing. When the connect had no effect (the same receiver or dispatch id was already connected for that sender),
/// the handle is inert: <see cref="IsConnected"/> is <see langword="false"/> and disposing it leaves the earlier
/// connection in place.
/// </summary>
public sealed class SignalConnection : IDisposable
{
    private IConnectionOwner? _owner;
    private readonly object? _entry;

    internal SignalConnection(IConnectionOwner? owner, object? entry)
    {
        _owner = owner;
        _entry = entry;
    }

    /// <summary>Whether the receiver this handle connected is still connected.</summary>
    public bool IsConnected => Volatile.Read(ref _owner) is { } owner && owner.Contains(_entry!);

    /// <summary>Disconnects the receiver this handle connected.</summary>
    public void Dispose()
    {
        var owner = Interlocked.Exchange(ref _owner, null);
        owner?.Remove(_entry!);
    }
}
