using Clinic.CookiesSessions.EntityFrameworkCore;
using Clinic.CookiesSessions.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Tests.Sessions;

public sealed class SessionsRegistrationTests
{
    [Fact]
    public void AddClinicSessions_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddClinicSessions();
        var count = services.Count;
        services.AddClinicSessions();

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(IClinicSessionStore));
    }

    [Fact]
    public void StoreChoice_BeforeSecondAdd_IsKept()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddClinicSessions().UseFileStore(Path.Combine(Path.GetTempPath(), "clinic-reg-" + Guid.NewGuid().ToString("N")));
        services.AddClinicSessions();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<FileSessionStore>(provider.GetRequiredService<IClinicSessionStore>());
    }

    [Fact]
    public void UseEntityFrameworkStore_RegistersEfStore()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<SessionTestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddClinicSessions().UseEntityFrameworkStore<SessionTestDbContext>();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<EntityFrameworkSessionStore<SessionTestDbContext>>(provider.GetRequiredService<IClinicSessionStore>());
    }

    [Fact]
    public void UseDistributedCacheStore_RegistersCacheStore()
    {
        var services = new ServiceCollection().AddLogging().AddDistributedMemoryCache();
        services.AddClinicSessions().UseDistributedCacheStore();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<DistributedCacheSessionStore>(provider.GetRequiredService<IClinicSessionStore>());
    }

    [Theory]
    [InlineData("bad name", 14, "ClinicSessionOptions.CookieName must be a non-empty HTTP token")]
    [InlineData("sessionid", 0, "ClinicSessionOptions.DefaultExpiry must be positive")]
    public void Options_Invalid_FailWithMessage(string cookieName, int days, string message)
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddClinicSessions(o => { o.CookieName = cookieName; o.DefaultExpiry = TimeSpan.FromDays(days); })
            .Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClinicSessionOptions>>().Value);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
