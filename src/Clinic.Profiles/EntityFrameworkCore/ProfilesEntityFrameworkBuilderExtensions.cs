using Clinic.Profiles.Internal;
using Clinic.Signals;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Profiles;

/// <summary>Stores profiles in the application's EF Core <c>DbContext</c>.</summary>
public static class ProfilesEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Keeps profiles in <typeparamref name="TContext"/> (map them with <c>modelBuilder.ApplyClinicProfiles&lt;TUser, TProfile&gt;()</c>)
    /// registers <see cref="IProfileEditor{TProfile}"/> (the user and profile forms saved together, through Clinic.Users'
    /// user manager on the same context), and connects the Clinic.Signals receivers that create a profile when a user is created and delete a profile's
    /// files after a user or profile is deleted. The context must be configured with <c>options.UseClinicSignals(serviceProvider)</c>.
    /// </summary>
    /// <typeparam name="TContext">The application's context.</typeparam>
    /// <typeparam name="TUser">The application's user type.</typeparam>
    /// <typeparam name="TProfile">The profile type; it needs a public parameterless constructor.</typeparam>
    /// <param name="builder">The builder returned by <c>AddClinicProfiles</c>.</param>
    /// <returns>The same builder.</returns>
    public static ClinicProfilesBuilder UseEntityFrameworkStore<TContext, TUser, TProfile>(this ClinicProfilesBuilder builder)
        where TContext : DbContext
        where TUser : ClinicUser
        where TProfile : ClinicProfile, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Scoped<IProfileService<TProfile>, EntityFrameworkProfileService<TContext, TUser, TProfile>>());
        services.Replace(ServiceDescriptor.Scoped<IProfileOrphanRemover, EntityFrameworkProfileService<TContext, TUser, TProfile>>());
        services.Replace(ServiceDescriptor.Scoped<IProfileEditor<TProfile>, EntityFrameworkProfileEditor<TContext, TUser, TProfile>>());
        services.AddSignalReceiver<PostSaveArgs<TUser>, ProfileCreationReceiver<TUser, TProfile>>();
        services.AddSignalReceiver<PreDeleteArgs<TUser>, UserDeletionReceiver<TUser, TProfile>>();
        services.AddSignalReceiver<PostDeleteArgs<TProfile>, ProfileDeletionReceiver<TProfile>>();
        return builder;
    }

    /// <summary>Keeps <see cref="ClinicProfile"/>s in <typeparamref name="TContext"/>; see <see cref="UseEntityFrameworkStore{TContext, TUser, TProfile}(ClinicProfilesBuilder)"/>.</summary>
    /// <typeparam name="TContext">The application's context.</typeparam>
    /// <typeparam name="TUser">The application's user type.</typeparam>
    /// <param name="builder">The builder returned by <c>AddClinicProfiles</c>.</param>
    /// <returns>The same builder.</returns>
    public static ClinicProfilesBuilder UseEntityFrameworkStore<TContext, TUser>(this ClinicProfilesBuilder builder)
        where TContext : DbContext
        where TUser : ClinicUser =>
        builder.UseEntityFrameworkStore<TContext, TUser, ClinicProfile>();
}
