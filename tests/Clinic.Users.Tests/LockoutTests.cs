using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Users.Tests;

/// <summary>Lockout follows the app's <see cref="TimeProvider"/>: locked for the configured span, then open again.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
            },
            pipeline: app => app.MapAccountEndpoints());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    [Trait("Case", "AUTH-09")]
    public async Task Login_AfterMaxFailures_LockedForTheSpanThenOpenAgain()
    {
        var user = await _host.CreateUserAsync("clock@example.com", Password);
        var lockout = _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout;
        using var client = _host.CreateClient();
        var failed = "error: " + ClinicAccountService<TestUser>.SignInFailedMessage;
        for (var i = 0; i < lockout.MaxFailedAccessAttempts; i++)
        {
            Assert.Equal(failed, await client.LoginAsync("clock@example.com", "wrong guess " + i));
        }

        var lockedAt = _time.GetUtcNow();
        var end = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByIdAsync(user.Id))!.LockoutEnd);
        Assert.Equal(lockedAt + lockout.DefaultLockoutTimeSpan, end);
        Assert.Equal(failed, await client.LoginAsync("clock@example.com", Password));

        _time.Advance(lockout.DefaultLockoutTimeSpan - TimeSpan.FromSeconds(1));
        Assert.Equal(failed, await client.LoginAsync("clock@example.com", Password));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("ok", await client.LoginAsync("clock@example.com", Password));
        Assert.Equal(0, await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByIdAsync(user.Id))!.AccessFailedCount));
    }

    [Fact]
    [Trait("Case", "AUTH-09")]
    public async Task Login_FailuresBelowTheLimit_DoNotLockAndSuccessResetsTheCount()
    {
        var user = await _host.CreateUserAsync("almost@example.com", Password);
        var max = _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;
        using var client = _host.CreateClient();
        for (var i = 0; i < max - 1; i++)
        {
            await client.LoginAsync("almost@example.com", "wrong guess " + i);
        }

        Assert.Equal("ok", await client.LoginAsync("almost@example.com", Password));
        var stored = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByIdAsync(user.Id))!);
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Null(stored.LockoutEnd);
    }
}
