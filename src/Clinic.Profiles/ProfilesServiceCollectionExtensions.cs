using Clinic.Profiles.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles;

/// <summary>Registers Clinic profiles and profile images.</summary>
public static class ProfilesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the image pipeline (<see cref="IProfileImageProcessor"/>) and the file-system media storage
    /// (<see cref="IMediaStorage"/>). Calling it again only applies <paramref name="configure"/>. Options are validated
    /// when the application starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the defaults.</param>
    /// <returns>A builder to choose the profile store on.</returns>
    public static ClinicProfilesBuilder AddClinicProfiles(this IServiceCollection services, Action<ClinicProfilesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ClinicProfilesOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ClinicProfilesOptions>, ClinicProfilesOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicProfilesOptions>, ClinicProfilesOptionsValidator>());
        services.AddMetrics();
        services.AddAntiforgery();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProfilesMetrics>();
        services.TryAddSingleton<IProfileImageProcessor, ProfileImageProcessor>();
        services.TryAddSingleton<IMediaStorage, FileSystemMediaStorage>();
        return new ClinicProfilesBuilder(services);
    }
}
