using System.Net;
using Clinic.Testing;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>
/// Two app instances share PostgreSQL, Redis (the session-state cache) and Data Protection keys: a password changed on
/// one instance ends the user's other sessions on the other instance at their next request.
/// </summary>
public sealed class CrossInstanceSessionTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"clinic_users_keys_{Guid.NewGuid():N}");
    private readonly string _prefix = $"clinic_users_{Guid.NewGuid():N}:";
    private TestDatabase _database = null!;
    private UsersTestHost _one = null!;
    private UsersTestHost _two = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Postgres();
        _one = await StartAsync();
        _two = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _one.App.DisposeAsync();
        await _two.App.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    [Trait("Case", "AUTH-03")]
    public async Task ChangePassword_OnOneInstance_EndsOtherSessionOnTheOtherInstance()
    {
        await _one.CreateUserAsync("multi@example.com", Password);
        var jar = new CookieContainer();
        using var onFirst = _one.CreateClient(jar);
        using var sameCookieOnSecond = _two.CreateClient(jar);
        using var otherSessionOnSecond = _two.CreateClient();
        Assert.Equal("ok", await onFirst.LoginAsync("multi@example.com", Password));
        Assert.Equal("ok", await otherSessionOnSecond.LoginAsync("multi@example.com", Password));
        Assert.Equal(HttpStatusCode.OK, await sameCookieOnSecond.ProfileAsync());
        Assert.Equal(HttpStatusCode.OK, await otherSessionOnSecond.ProfileAsync());

        var change = await onFirst.PostFormAsync("/password/change", new Dictionary<string, string>
        {
            ["OldPassword"] = Password,
            ["NewPassword"] = "changed on one 12",
            ["ConfirmNewPassword"] = "changed on one 12",
        });

        Assert.Equal("ok", await change.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await otherSessionOnSecond.ProfileAsync());
        Assert.Equal(HttpStatusCode.OK, await sameCookieOnSecond.ProfileAsync());
    }

    private Task<UsersTestHost> StartAsync() =>
        UsersTestHost.StartAsync(
            _database,
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_keys)).SetApplicationName("clinic-users-tests");
                s.AddStackExchangeRedisCache(o =>
                {
                    o.Configuration = TestEnvironment.RequireRedis();
                    o.InstanceName = _prefix;
                });
            },
            pipeline: app => app.MapAccountEndpoints());
}
