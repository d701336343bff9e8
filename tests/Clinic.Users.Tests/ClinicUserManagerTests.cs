using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary><see cref="ClinicUserManager{TUser}.CreateSuperuserAsync"/>: Django's <c>create_superuser</c>.</summary>
public sealed class ClinicUserManagerTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() => _host = await UsersTestHost.StartAsync(TestDatabase.Sqlite());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateSuperuserAsync_GoodPassword_ActiveStaffSuperuserWithNormalisedEmail()
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>()
            .CreateSuperuserAsync("  Root@EXAMPLE.com ", "correct horse 42", u => u.FirstName = "Ada"));

        Assert.True(result.Succeeded);
        var stored = await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().Users.AsNoTracking().SingleAsync());
        Assert.Equal("Root@example.com", stored.Email);
        Assert.Equal("Ada", stored.FirstName);
        Assert.True(stored.IsActive);
        Assert.True(stored.IsStaff);
        Assert.True(stored.IsSuperuser);
    }

    [Fact]
    public async Task CreateSuperuserAsync_ConfigureTriesToDropTheFlags_FlagsStillSet()
    {
        await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>()
            .CreateSuperuserAsync("flags@example.com", "correct horse 42", u => u.IsActive = u.IsStaff = u.IsSuperuser = false));

        var stored = await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().Users.AsNoTracking().SingleAsync());
        Assert.True(stored.IsActive && stored.IsStaff && stored.IsSuperuser);
    }

    [Theory]
    [InlineData("password123", "password_too_common")]
    [InlineData("12345678901", "password_entirely_numeric")]
    [InlineData("short", "password_too_short")]
    public async Task CreateSuperuserAsync_WeakPassword_FailsWithDjangoCodeAndCreatesNothing(string password, string code)
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>()
            .CreateSuperuserAsync("weak@example.com", password));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code);
        Assert.False(await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().Users.AnyAsync()));
    }
}
