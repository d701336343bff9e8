using Clinic.Users.Admin;
using Clinic.Users.Admin.Controllers;
using Clinic.Users.Admin.Internal;
using Clinic.Users.Internal;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>Switches the admin panel on.</summary>
public static class ClinicAdminServiceCollectionExtensions
{
    /// <summary>
    /// Adds the admin panel (Django's admin): users, groups, permissions and the entities registered in
    /// <paramref name="configure"/>, with per-model permissions, history and bulk actions. Map it with
    /// <c>app.MapClinicAdmin()</c>. Registrations are checked against the EF Core model at start-up. Calling it again
    /// only adds <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddClinicUsers&lt;TUser, TContext&gt;()</c>.</param>
    /// <param name="configure">Registers entities and sets <see cref="ClinicAdminOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static ClinicUsersBuilder AddAdmin(this ClinicUsersBuilder builder, Action<ClinicAdminOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(AdminSite)))
        {
            return builder;
        }

        var marker = (ClinicUsersMarker)services.First(d => d.ServiceType == typeof(ClinicUsersMarker)).ImplementationInstance!;
        services.AddOptions<ClinicAdminOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicAdminOptions>, ClinicAdminOptionsValidator>());
        services.TryAddSingleton<AdminSite>();
        services.TryAddSingleton<AdminHistory>();
        services.TryAddScoped<AdminRequest>();
        services.TryAddScoped<AdminAccessFilter>();
        services.TryAddScoped(typeof(IAdminUsers), typeof(AdminUsers<,>).MakeGenericType(marker.UserType, marker.ContextType));
        services.AddAntiforgery();
        services.AddControllersWithViews().ConfigureApplicationPartManager(parts =>
        {
            var assembly = typeof(ClinicAdminOptions).Assembly;
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                // The factory gives the assembly part (controllers) and the compiled Razor views.
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }

            if (!parts.FeatureProviders.OfType<AdminControllerFeatureProvider>().Any())
            {
                parts.FeatureProviders.Add(new AdminControllerFeatureProvider());
            }
        });
        return builder;
    }
}
