using Clinic.Signals;
using Clinic.Signals.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Switches model signals on for a <see cref="DbContext"/>.</summary>
public static class SignalsDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Adds the interceptors that send <see cref="Clinic.Signals.ModelSignals"/> around <c>SaveChanges</c> and run
    /// <see cref="Clinic.Signals.DbContextOnCommitExtensions.OnCommit(DbContext, Action)"/> actions when a
    /// transaction commits. Calling it twice adds them once.
    /// </summary>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="serviceProvider">
    /// The provider of <c>AddDbContext((serviceProvider, options) =&gt; ...)</c>, so receivers registered with
    /// <c>services.AddSignalReceiver</c> are resolved from the scope that created the context; <see langword="null"/>
    /// to send to connected delegates only. With context pooling the provider is the root one: register receivers that
    /// need scoped services as delegates, or do not pool.
    /// </param>
    /// <param name="configure">Changes the <see cref="ModelSignalsOptions"/> from their defaults.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder UseClinicSignals(this DbContextOptionsBuilder optionsBuilder, IServiceProvider? serviceProvider = null, Action<ModelSignalsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        var existing = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (existing is not null && existing.Any(i => i is ModelSignalsInterceptor))
        {
            return optionsBuilder;
        }

        var options = new ModelSignalsOptions();
        configure?.Invoke(options);
        var runtime = new SignalsRuntime(serviceProvider);
        return optionsBuilder.AddInterceptors(new ModelSignalsInterceptor(runtime, options), new OnCommitInterceptor());
    }

    /// <summary>Adds the model-signal interceptors (see <see cref="UseClinicSignals(DbContextOptionsBuilder, IServiceProvider?, Action{ModelSignalsOptions}?)"/>).</summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    /// <param name="optionsBuilder">The options builder.</param>
    /// <param name="serviceProvider">The provider that resolves receivers; <see langword="null"/> for connected delegates only.</param>
    /// <param name="configure">Changes the <see cref="ModelSignalsOptions"/> from their defaults.</param>
    /// <returns>The same options builder.</returns>
    public static DbContextOptionsBuilder<TContext> UseClinicSignals<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, IServiceProvider? serviceProvider = null, Action<ModelSignalsOptions>? configure = null)
        where TContext : DbContext
    {
        UseClinicSignals((DbContextOptionsBuilder)optionsBuilder, serviceProvider, configure);
        return optionsBuilder;
    }
}
