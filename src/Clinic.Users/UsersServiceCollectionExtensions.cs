using Clinic.Users.Internal;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>Registers Clinic.Users.</summary>
public static class UsersServiceCollectionExtensions
{
    /// <summary>
    /// Registers Identity for <typeparamref name="TUser"/> on <typeparamref name="TContext"/> (user manager, sign-in
    /// manager, cookies, token providers, lockout), Django's password validators and permissions, the permission
    /// checks (<see cref="IPermissionService"/>, <see cref="RequirePermissionAttribute"/>), the start-up creation of
    /// model permissions and the server-side session checks. Calling it again only adds <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TUser">The application's user type.</typeparam>
    /// <typeparam name="TContext">The application's context: an Identity context that calls <c>ApplyClinicUsers&lt;TUser&gt;()</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures <see cref="ClinicUsersOptions"/>.</param>
    /// <returns>A builder for further Identity configuration.</returns>
    public static ClinicUsersBuilder AddClinicUsers<TUser, TContext>(this IServiceCollection services, Action<ClinicUsersOptions>? configure = null)
        where TUser : ClinicUser, new()
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        var marker = services.FirstOrDefault(d => d.ServiceType == typeof(ClinicUsersMarker))?.ImplementationInstance as ClinicUsersMarker;
        if (marker is not null)
        {
            if (marker.UserType != typeof(TUser) || marker.ContextType != typeof(TContext))
            {
                throw new InvalidOperationException(
                    $"AddClinicUsers was already called with {marker.UserType.Name} and {marker.ContextType.Name}; one application has one user type and one users context.");
            }

            return new ClinicUsersBuilder(services, new IdentityBuilder(typeof(TUser), services));
        }

        services.AddSingleton(new ClinicUsersMarker(typeof(TUser), typeof(TContext)));
        services.AddOptions<ClinicUsersOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicUsersOptions>, ClinicUsersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddClinicSignals();
        services.AddMetrics();
        services.TryAddSingleton<UsersMetrics>();
        services.AddDistributedMemoryCache();
        services.TryAddSingleton<SessionStateCache>();
        services.TryAddSingleton<SessionValidator>();
        services.TryAddSingleton<UsersEvents>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, SessionValidationSetup>());
        services.TryAddScoped<IUsersData, UsersData<TUser, TContext>>();
        services.TryAddScoped<IPermissionService, PermissionService<TUser, TContext>>();
        services.TryAddScoped<Perms>();
        services.TryAddScoped<ClinicAccountService<TUser>>();
        services.TryAddSingleton<IClinicEmailSender, LoggingEmailSender>();
        services.AddHttpContextAccessor();
        services.AddHostedService<PermissionSynchronizer<TContext>>();

        services.TryAddScoped<IPasswordHasher<TUser>, DjangoPasswordHasher<TUser>>();
        var identity = services.AddIdentityCore<TUser>()
            .AddUserManager<ClinicUserManager<TUser>>()
            .AddSignInManager<ClinicSignInManager<TUser>>()
            .AddEntityFrameworkStores<TContext>()
            .AddDefaultTokenProviders();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<TUser>, MinimumLengthPasswordValidator<TUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<TUser>, UserAttributeSimilarityPasswordValidator<TUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<TUser>, CommonPasswordValidator<TUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<TUser>, NumericPasswordValidator<TUser>>());
        services.AddOptions<IdentityOptions>().Configure<IOptions<ClinicUsersOptions>>((identityOptions, clinic) =>
        {
            identityOptions.User.RequireUniqueEmail = true;
            identityOptions.User.AllowedUserNameCharacters = string.Empty;
            identityOptions.Lockout.AllowedForNewUsers = true;
            if (clinic.Value.UseDjangoPasswordValidators)
            {
                identityOptions.Password.RequireDigit = false;
                identityOptions.Password.RequireLowercase = false;
                identityOptions.Password.RequireUppercase = false;
                identityOptions.Password.RequireNonAlphanumeric = false;
                identityOptions.Password.RequiredUniqueChars = 1;
                identityOptions.Password.RequiredLength = 0;
            }
        });
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<ClinicUsersOptions>>((hasher, clinic) =>
        {
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            hasher.IterationCount = clinic.Value.PasswordIterations;
        });

        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ClinicUsersOptions>>((cookie, clinic) => AccountPaths.Apply(cookie, clinic.Value));
        services.AddAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, PermissionAuthorizationHandler>());

        return new ClinicUsersBuilder(services, identity);
    }
}
