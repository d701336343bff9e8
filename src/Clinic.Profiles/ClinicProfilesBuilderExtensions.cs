using Clinic.Profiles.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles;

/// <summary>Store choices and opt-in features for <see cref="ClinicProfilesBuilder"/>.</summary>
public static class ClinicProfilesBuilderExtensions
{
    /// <summary>Replaces the file-system media storage with <typeparamref name="TStorage"/> (a singleton).</summary>
    /// <typeparam name="TStorage">The storage, for example a subclass of <see cref="FileSystemMediaStorage"/> or a cloud store.</typeparam>
    /// <param name="builder">The builder returned by <c>AddClinicProfiles</c>.</param>
    /// <returns>The same builder.</returns>
    public static ClinicProfilesBuilder UseMediaStorage<TStorage>(this ClinicProfilesBuilder builder)
        where TStorage : class, IMediaStorage
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IMediaStorage, TStorage>());
        return builder;
    }

    /// <summary>
    /// Runs the orphan cleanup (<see cref="IProfileService{TProfile}.RemoveOrphansAsync"/>) in the background every
    /// <see cref="ProfileOrphanCleanupOptions.Interval"/> (default one hour), sparing files younger than
    /// <see cref="ProfileOrphanCleanupOptions.GracePeriod"/> (default one hour). Runs are logged and counted on the
    /// <c>Clinic.Profiles</c> meter; a failed run does not stop the next. Needs a profile store
    /// (<c>UseEntityFrameworkStore</c>). With several servers on one shared media folder, switch it on for one of them
    /// or let them all run it: a file deleted twice is not an error. Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddClinicProfiles</c>.</param>
    /// <param name="configure">Changes to the defaults.</param>
    /// <returns>The same builder.</returns>
    public static ClinicProfilesBuilder AddOrphanCleanup(this ClinicProfilesBuilder builder, Action<ProfileOrphanCleanupOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ProfileOrphanCleanupOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProfileOrphanCleanupOptions>, ProfileOrphanCleanupOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProfileOrphanCleanupService>());
        return builder;
    }
}
