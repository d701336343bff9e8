using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Signals.Internal;

/// <summary>
/// What the EF Core interceptors send through: the scoped <see cref="ISignalDispatcher"/> of the provider given to
/// <c>UseClinicSignals</c> (so receivers in dependency injection run), or the signals alone when none was given.
/// </summary>
internal sealed class SignalsRuntime(IServiceProvider? services)
{
    private ISignalDispatcher? _dispatcher;
    private ILogger? _logger;

    public ILogger Logger => _logger ??=
        services?.GetService<ILoggerFactory>()?.CreateLogger("Clinic.Signals.EntityFrameworkCore") ?? NullLogger.Instance;

    public SignalsMetrics? Metrics => services?.GetService<SignalsMetrics>();

    private ISignalDispatcher? Dispatcher
    {
        get
        {
            if (services is null)
            {
                return null;
            }

            return _dispatcher ??= services.GetService<ISignalDispatcher>() ?? throw new InvalidOperationException(
                "UseClinicSignals(serviceProvider) was given a service provider without Clinic.Signals: call " +
                "services.AddClinicSignals() (or services.AddSignalReceiver<TArgs, TReceiver>()) at start-up.");
        }
    }

    public ValueTask SendAsync<TArgs>(Signal<TArgs> signal, object sender, TArgs args, bool async, CancellationToken cancellationToken)
    {
        if (Dispatcher is { } dispatcher)
        {
            if (async)
            {
                return dispatcher.SendAsync(signal, sender, args, cancellationToken);
            }

            dispatcher.Send(signal, sender, args);
            return default;
        }

        if (async)
        {
            return signal.SendAsync(sender, args, cancellationToken);
        }

        signal.Send(sender, args);
        return default;
    }

    public void SendRobust<TArgs>(Signal<TArgs> signal, object sender, TArgs args)
    {
        ISignalDispatcher? dispatcher;
        try
        {
            dispatcher = Dispatcher;
        }
        catch (InvalidOperationException)
        {
            // Misconfigured (the exception that says so is already on its way to the caller): send to delegates.
            dispatcher = null;
        }

        if (dispatcher is not null)
        {
            dispatcher.SendRobust(signal, sender, args);
            return;
        }

        foreach (var error in signal.SendRobust(sender, args))
        {
            SignalsLog.ReceiverFailed(Logger, signal.Name, ReceiverNames.Describe(error.Receiver), error.Exception);
        }
    }
}
