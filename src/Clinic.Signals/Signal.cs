using System.Runtime.CompilerServices;
using Clinic.Signals.Internal;

namespace Clinic.Signals;

/// <summary>
/// A typed signal: receivers connect to it, senders send it with a sender object and a <typeparamref name="TArgs"/>.
/// Declare one per event, once, for example <c>public static readonly Signal&lt;UserLoggedIn&gt; LoggedIn = new();</c>.
/// </summary>
/// <remarks>
/// <para>
/// Receivers run in the order they were connected. The receiver list is an immutable array replaced on every connect
/// and disconnect (copy on write), so a send takes no lock and allocates nothing: it runs exactly the receivers that
/// were connected when it began, even while other threads connect and disconnect.
/// </para>
/// <para>
/// Receivers connected here are held strongly (unlike Django's weak references): disconnect them with the
/// <see cref="SignalConnection"/> handle, <see cref="Disconnect(SignalReceiver{TArgs}, object?)"/> or
/// <see cref="Disconnect(string, object?)"/>. Receivers registered in dependency injection
/// (<see cref="ISignalReceiver{TArgs}"/>) run when the signal is sent through an <see cref="ISignalDispatcher"/>.
/// </para>
/// </remarks>
/// <typeparam name="TArgs">The arguments the signal carries (Django's keyword arguments, checked by the compiler).</typeparam>
public sealed class Signal<TArgs> : IConnectionOwner
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Creates a signal.</summary>
    /// <param name="name">A name for logs and messages; defaults to the name of <typeparamref name="TArgs"/>.</param>
    public Signal(string? name = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? typeof(TArgs).Name : name;
    }

    /// <summary>The name of the signal, for logs and messages.</summary>
    public string Name { get; }

    /// <summary>How many receivers are connected (whatever their sender filter).</summary>
    public int ReceiverCount => Volatile.Read(ref _snapshot).Entries.Length;

    /// <summary>Whether any receiver is connected, whatever its sender filter.</summary>
    /// <returns><see langword="true"/> when a send could reach a connected receiver.</returns>
    public bool HasListeners() => Volatile.Read(ref _snapshot).Entries.Length != 0;

    /// <summary>Whether a send from <paramref name="sender"/> would reach at least one connected receiver.</summary>
    /// <param name="sender">The sender to test.</param>
    /// <returns><see langword="true"/> when a receiver connected for any sender or for this sender exists.</returns>
    public bool HasListeners(object? sender)
    {
        foreach (var entry in Volatile.Read(ref _snapshot).Entries)
        {
            if (entry.Accepts(sender))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Connects a synchronous receiver.</summary>
    /// <param name="receiver">The receiver.</param>
    /// <param name="sender">Only sends from this sender reach the receiver (compared with <see cref="object.Equals(object?, object?)"/>); <see langword="null"/> for every sender.</param>
    /// <param name="dispatchId">
    /// An identifier that makes connecting idempotent: a second connect with the same id and sender has no effect,
    /// even with another delegate. Without it, connecting an equal delegate for the same sender twice has no effect.
    /// </param>
    /// <returns>A handle that disconnects the receiver when disposed.</returns>
    public SignalConnection Connect(SignalReceiver<TArgs> receiver, object? sender = null, string? dispatchId = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return Add(new Entry(receiver, receiver, null, sender, dispatchId));
    }

    /// <summary>Connects an asynchronous receiver.</summary>
    /// <param name="receiver">The receiver.</param>
    /// <param name="sender">Only sends from this sender reach the receiver; <see langword="null"/> for every sender.</param>
    /// <param name="dispatchId">An identifier that makes connecting idempotent (see <see cref="Connect(SignalReceiver{TArgs}, object?, string?)"/>).</param>
    /// <returns>A handle that disconnects the receiver when disposed.</returns>
    /// <remarks>A synchronous <see cref="Send"/> waits for an asynchronous receiver to finish.</remarks>
    public SignalConnection Connect(AsyncSignalReceiver<TArgs> receiver, object? sender = null, string? dispatchId = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return Add(new Entry(receiver, null, receiver, sender, dispatchId));
    }

    /// <summary>Disconnects a receiver connected for <paramref name="sender"/>, with or without a dispatch id.</summary>
    /// <param name="receiver">The receiver (an equal delegate is enough).</param>
    /// <param name="sender">The sender it was connected for; <see langword="null"/> when it was connected for every sender.</param>
    /// <returns><see langword="true"/> when a receiver was disconnected.</returns>
    public bool Disconnect(SignalReceiver<TArgs> receiver, object? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return RemoveWhere(e => e.Receiver.Equals(receiver) && Equals(e.Sender, sender));
    }

    /// <summary>Disconnects an asynchronous receiver connected for <paramref name="sender"/>.</summary>
    /// <param name="receiver">The receiver (an equal delegate is enough).</param>
    /// <param name="sender">The sender it was connected for; <see langword="null"/> when it was connected for every sender.</param>
    /// <returns><see langword="true"/> when a receiver was disconnected.</returns>
    public bool Disconnect(AsyncSignalReceiver<TArgs> receiver, object? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return RemoveWhere(e => e.Receiver.Equals(receiver) && Equals(e.Sender, sender));
    }

    /// <summary>Disconnects the receiver connected with <paramref name="dispatchId"/> for <paramref name="sender"/>.</summary>
    /// <param name="dispatchId">The dispatch id it was connected with.</param>
    /// <param name="sender">The sender it was connected for; <see langword="null"/> when it was connected for every sender.</param>
    /// <returns><see langword="true"/> when a receiver was disconnected.</returns>
    public bool Disconnect(string dispatchId, object? sender = null)
    {
        ArgumentNullException.ThrowIfNull(dispatchId);
        return RemoveWhere(e => e.DispatchId == dispatchId && Equals(e.Sender, sender));
    }

    /// <summary>
    /// Sends the signal: every receiver connected for every sender or for <paramref name="sender"/> runs, in the order
    /// they were connected. An exception stops the send and propagates to the caller (Django's <c>send</c>).
    /// </summary>
    /// <param name="sender">Who sends; receivers connected for another sender do not run.</param>
    /// <param name="args">The arguments.</param>
    public void Send(object? sender, TArgs args)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var plain = snapshot.Plain;
        if (plain is not null)
        {
            for (var i = 0; i < plain.Length; i++)
            {
                plain[i](sender, args);
            }

            return;
        }

        SendFiltered(snapshot.Entries, sender, args);
    }

    /// <summary>
    /// Sends the signal to every receiver whatever they throw: each exception is caught and returned with its receiver
    /// (Django's <c>send_robust</c>). An <see cref="ISignalDispatcher"/> also logs them.
    /// </summary>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The receivers that threw, in order; empty (and not allocated) when none did.</returns>
    public IReadOnlyList<SignalReceiverError> SendRobust(object? sender, TArgs args)
    {
        List<SignalReceiverError>? errors = null;
        foreach (var entry in Volatile.Read(ref _snapshot).Entries)
        {
            if (!entry.Accepts(sender))
            {
                continue;
            }

            try
            {
                entry.Invoke(sender, args);
            }
#pragma warning disable CA1031 // A robust send catches whatever a receiver throws; that is its contract.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (errors ??= []).Add(new SignalReceiverError(entry.Receiver, ex));
            }
        }

        return errors is null ? [] : errors;
    }

    /// <summary>
    /// Sends the signal and awaits asynchronous receivers one after the other, in the order they were connected. An
    /// exception stops the send and propagates.
    /// </summary>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="cancellationToken">Passed to asynchronous receivers; checked before each receiver.</param>
    /// <returns>A task that completes when every receiver has run.</returns>
    public ValueTask SendAsync(object? sender, TArgs args, CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var plain = snapshot.Plain;
        if (plain is not null)
        {
            for (var i = 0; i < plain.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                plain[i](sender, args);
            }

            return default;
        }

        var entries = snapshot.Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (!entry.Accepts(sender))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Sync is { } sync)
            {
                sync(sender, args);
                continue;
            }

            var pending = entry.Async!(sender, args, cancellationToken);
            if (!pending.IsCompletedSuccessfully)
            {
                return AwaitRest(pending, entries, i + 1, sender, args, cancellationToken);
            }
        }

        return default;
    }

    /// <summary>
    /// Sends the signal to every receiver whatever they throw, awaiting asynchronous receivers one after the other. A
    /// cancelled <paramref name="cancellationToken"/> stops the send with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="sender">Who sends.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="cancellationToken">Passed to asynchronous receivers; checked before each receiver.</param>
    /// <returns>The receivers that threw, in order; empty when none did.</returns>
    public async ValueTask<IReadOnlyList<SignalReceiverError>> SendRobustAsync(object? sender, TArgs args, CancellationToken cancellationToken = default)
    {
        List<SignalReceiverError>? errors = null;
        foreach (var entry in Volatile.Read(ref _snapshot).Entries)
        {
            if (!entry.Accepts(sender))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (entry.Sync is { } sync)
                {
                    sync(sender, args);
                }
                else
                {
                    await entry.Async!(sender, args, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A robust send catches whatever a receiver throws; that is its contract.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (errors ??= []).Add(new SignalReceiverError(entry.Receiver, ex));
            }
        }

        return errors is null ? [] : errors;
    }

    /// <inheritdoc />
    public override string ToString() => $"Signal {Name} ({ReceiverCount} receivers)";

    bool IConnectionOwner.Remove(object entry) => RemoveWhere(e => ReferenceEquals(e, entry));

    bool IConnectionOwner.Contains(object entry) => Array.IndexOf(Volatile.Read(ref _snapshot).Entries, entry) >= 0;

    private static void SendFiltered(Entry[] entries, object? sender, TArgs args)
    {
        foreach (var entry in entries)
        {
            if (entry.Accepts(sender))
            {
                entry.Invoke(sender, args);
            }
        }
    }

    private static async ValueTask AwaitRest(ValueTask pending, Entry[] entries, int next, object? sender, TArgs args, CancellationToken cancellationToken)
    {
        await pending.ConfigureAwait(false);
        for (var i = next; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (!entry.Accepts(sender))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Sync is { } sync)
            {
                sync(sender, args);
            }
            else
            {
                await entry.Async!(sender, args, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private SignalConnection Add(Entry entry)
    {
        lock (_gate)
        {
            var current = _snapshot.Entries;
            foreach (var existing in current)
            {
                if (existing.SameKey(entry))
                {
                    return new SignalConnection(null, null);
                }
            }

            var next = new Entry[current.Length + 1];
            Array.Copy(current, next, current.Length);
            next[^1] = entry;
            Volatile.Write(ref _snapshot, new Snapshot(next));
        }

        return new SignalConnection(this, entry);
    }

    private bool RemoveWhere(Func<Entry, bool> match)
    {
        lock (_gate)
        {
            var current = _snapshot.Entries;
            var index = -1;
            for (var i = 0; i < current.Length; i++)
            {
                if (match(current[i]))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return false;
            }

            Entry[] next;
            if (current.Length == 1)
            {
                next = [];
            }
            else
            {
                next = new Entry[current.Length - 1];
                Array.Copy(current, 0, next, 0, index);
                Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            }

            Volatile.Write(ref _snapshot, new Snapshot(next));
            return true;
        }
    }

    /// <summary>One connected receiver: the delegate, its sender filter and its dispatch id.</summary>
    private sealed class Entry(Delegate receiver, SignalReceiver<TArgs>? sync, AsyncSignalReceiver<TArgs>? async, object? sender, string? dispatchId)
    {
        public Delegate Receiver { get; } = receiver;

        public SignalReceiver<TArgs>? Sync { get; } = sync;

        public AsyncSignalReceiver<TArgs>? Async { get; } = async;

        public object? Sender { get; } = sender;

        public string? DispatchId { get; } = dispatchId;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Accepts(object? sender) => Sender is null || Equals(Sender, sender);

        public bool SameKey(Entry other) =>
            Equals(Sender, other.Sender) &&
            (DispatchId is not null || other.DispatchId is not null
                ? DispatchId == other.DispatchId
                : Receiver.Equals(other.Receiver));

        public void Invoke(object? sender, TArgs args)
        {
            if (Sync is { } sync)
            {
                sync(sender, args);
                return;
            }

            var pending = Async!(sender, args, CancellationToken.None);
            if (!pending.IsCompletedSuccessfully)
            {
                // A synchronous send waits for an asynchronous receiver (as Django's send runs async receivers to completion).
                pending.AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>
    /// The receivers at one moment. <see cref="Plain"/> is set when every receiver is synchronous and listens to every
    /// sender, so the common send is a loop of delegate calls and nothing else.
    /// </summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([]);

        public Snapshot(Entry[] entries)
        {
            Entries = entries;
            var plain = new SignalReceiver<TArgs>[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                if (entries[i].Sync is not { } sync || entries[i].Sender is not null)
                {
                    return;
                }

                plain[i] = sync;
            }

            Plain = plain;
        }

        public Entry[] Entries { get; }

        public SignalReceiver<TArgs>[]? Plain { get; }
    }
}
