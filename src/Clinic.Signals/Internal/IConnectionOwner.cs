namespace Clinic.Signals.Internal;

/// <summary>What a <see cref="SignalConnection"/> needs from the signal it belongs to.</summary>
internal interface IConnectionOwner
{
    bool Remove(object entry);

    bool Contains(object entry);
}
