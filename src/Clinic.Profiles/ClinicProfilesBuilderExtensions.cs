using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Profiles;

/// <summary>Store choices for <see cref="ClinicProfilesBuilder"/>.</summary>
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
}
