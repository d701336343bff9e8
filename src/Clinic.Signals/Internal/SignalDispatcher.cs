using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Signals.Internal;

/// <summary>The scoped <see cref="ISignalDispatcher"/>: connected delegates, then receivers resolved from this scope.</summary>
internal sealed class SignalDispatcher(IServiceProvider services, ILogger<SignalDispatcher> logger, SignalsMetrics metrics) : ISignalDispatcher
{
    public void Send<TArgs>(Signal<TArgs> signal, object? sender, TArgs args)
    {
        ArgumentNullException.ThrowIfNull(signal);
        signal.Send(sender, args);
        foreach (var receiver in Receivers<TArgs>())
        {
            Wait(receiver.ReceiveAsync(sender, args, CancellationToken.None));
        }
    }

    public IReadOnlyList<SignalReceiverError> SendRobust<TArgs>(Signal<TArgs> signal, object? sender, TArgs args)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var errors = signal.SendRobust(sender, args);
        List<SignalReceiverError>? all = null;
        foreach (var receiver in Receivers<TArgs>())
        {
            try
            {
                Wait(receiver.ReceiveAsync(sender, args, CancellationToken.None));
            }
#pragma warning disable CA1031 // A robust send catches whatever a receiver throws; that is its contract.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                all ??= [.. errors];
                all.Add(new SignalReceiverError(receiver, ex));
            }
        }

        return Report(signal, all ?? errors);
    }

    public async ValueTask SendAsync<TArgs>(Signal<TArgs> signal, object? sender, TArgs args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        await signal.SendAsync(sender, args, cancellationToken).ConfigureAwait(false);
        foreach (var receiver in Receivers<TArgs>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await receiver.ReceiveAsync(sender, args, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<SignalReceiverError>> SendRobustAsync<TArgs>(Signal<TArgs> signal, object? sender, TArgs args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var errors = await signal.SendRobustAsync(sender, args, cancellationToken).ConfigureAwait(false);
        List<SignalReceiverError>? all = null;
        foreach (var receiver in Receivers<TArgs>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await receiver.ReceiveAsync(sender, args, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A robust send catches whatever a receiver throws; that is its contract.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                all ??= [.. errors];
                all.Add(new SignalReceiverError(receiver, ex));
            }
        }

        return Report(signal, all ?? errors);
    }

    private static void Wait(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    private IEnumerable<ISignalReceiver<TArgs>> Receivers<TArgs>()
    {
        // Whether any receiver is registered for TArgs does not change after the container is built: remember it per
        // container (the singleton metrics object stands for the container), so a send without DI receivers skips
        // the container.
        var known = Volatile.Read(ref Presence<TArgs>.Last);
        if (known is null || !ReferenceEquals(known.Container, metrics))
        {
            known = new PresenceEntry(metrics, services.GetService<SignalReceiverMarker<TArgs>>() is not null);
            Volatile.Write(ref Presence<TArgs>.Last, known);
        }

        return known.HasReceivers ? services.GetServices<ISignalReceiver<TArgs>>() : [];
    }

    private IReadOnlyList<SignalReceiverError> Report<TArgs>(Signal<TArgs> signal, IReadOnlyList<SignalReceiverError> errors)
    {
        foreach (var error in errors)
        {
            metrics.ReceiverFailed(signal.Name);
            SignalsLog.ReceiverFailed(logger, signal.Name, ReceiverNames.Describe(error.Receiver), error.Exception);
        }

        return errors;
    }

    private sealed record PresenceEntry(object Container, bool HasReceivers);

    private static class Presence<TArgs>
    {
        public static PresenceEntry? Last;
    }
}
