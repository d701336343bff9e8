using Clinic.Signals;
using Clinic.Signals.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Clinic.Signals in dependency injection.</summary>
public static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scoped <see cref="ISignalDispatcher"/> that sends signals to connected delegates and to receivers
    /// registered with <see cref="AddSignalReceiver{TArgs, TReceiver}"/>. Calling it more than once registers once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddClinicSignals(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<SignalsMetrics>();
        services.TryAddScoped<ISignalDispatcher, SignalDispatcher>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TReceiver"/> as a receiver of every signal whose arguments are
    /// <typeparamref name="TArgs"/> (for example <c>PostSaveArgs&lt;User&gt;</c>). It is resolved from the sending
    /// scope at each send through an <see cref="ISignalDispatcher"/> (model and request signals use one), so it may
    /// take scoped services such as a <c>DbContext</c>. Registering the same receiver twice registers it once;
    /// receivers run in registration order, after the delegates connected to the signal. Also calls
    /// <see cref="AddClinicSignals"/>.
    /// </summary>
    /// <typeparam name="TArgs">The arguments type of the signal to receive.</typeparam>
    /// <typeparam name="TReceiver">The receiver class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="lifetime">The receiver's lifetime; scoped by default.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddSignalReceiver<TArgs, TReceiver>(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where TReceiver : class, ISignalReceiver<TArgs>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddClinicSignals();
        services.TryAddSingleton<SignalReceiverMarker<TArgs>>();
        services.TryAddEnumerable(ServiceDescriptor.Describe(typeof(ISignalReceiver<TArgs>), typeof(TReceiver), lifetime));
        return services;
    }
}
