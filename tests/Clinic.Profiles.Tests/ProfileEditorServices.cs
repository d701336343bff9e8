using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Profiles.Tests;

/// <summary>The services of the combined-form tests: Clinic.Users and Clinic.Profiles on one context, without a web host.</summary>
internal static class ProfileEditorServices
{
    public static ServiceProvider Build<TContext, TProfile>(
        string mediaRoot,
        FakeTimeProvider time,
        Action<DbContextOptionsBuilder> useDatabase,
        FailingSaveInterceptor failer)
        where TContext : DbContext
        where TProfile : ClinicProfile, new()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddClinicSignals();
        services.AddDbContext<TContext>((sp, options) =>
        {
            useDatabase(options);
            options.UseClinicSignals(sp).AddInterceptors(failer);
        });
        services.AddClinicUsers<ClinicUser, TContext>(o => o.PasswordIterations = 1_000);
        services.AddClinicProfiles(o => o.MediaRoot = mediaRoot).UseEntityFrameworkStore<TContext, ClinicUser, TProfile>();
        return services.BuildServiceProvider(validateScopes: true);
    }
}
