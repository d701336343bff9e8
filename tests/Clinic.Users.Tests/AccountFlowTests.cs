using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>Sign-in, sign-out and password flows end to end over TestServer; one subclass per database.</summary>
public abstract class AccountFlowTests : IAsyncLifetime
{
    protected const string Password = "correct horse 42";
    private UsersTestHost _host = null!;

    protected abstract string Kind { get; }

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Create(Kind),
            services: AccountEndpoints.AddAccountApp,
            pipeline: app => app.MapAccountEndpoints());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    [Trait("Case", "AUTH-03")]
    public async Task ChangePassword_ThreeClientsSameUser_KeepsThisSessionAndEndsTheOthers()
    {
        await _host.CreateUserAsync("alice@example.com", Password);
        var jarA = new CookieContainer();
        using var a = _host.CreateClient(jarA);
        using var b = _host.CreateClient();
        using var c = _host.CreateClient();
        foreach (var client in new[] { a, b, c })
        {
            Assert.Equal("ok", await client.LoginAsync("alice@example.com", Password));
            Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());
        }

        using var copyOfA = _host.CreateClient(Copy(jarA));
        var change = await a.PostFormAsync("/password/change", new Dictionary<string, string>
        {
            ["OldPassword"] = Password,
            ["NewPassword"] = "a brand new secret 7",
            ["ConfirmNewPassword"] = "a brand new secret 7",
        });

        Assert.Equal("ok", await change.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await a.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await b.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await c.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await copyOfA.ProfileAsync());
        Assert.Equal(HttpStatusCode.OK, await a.ProfileAsync());
        Assert.Equal("ok", await b.LoginAsync("alice@example.com", "a brand new secret 7"));
    }

    [Fact]
    [Trait("Case", "AUTH-03")]
    public async Task ChangePassword_WrongOldPassword_ChangesNothing()
    {
        await _host.CreateUserAsync("olga@example.com", Password);
        using var a = _host.CreateClient();
        using var b = _host.CreateClient();
        await a.LoginAsync("olga@example.com", Password);
        await b.LoginAsync("olga@example.com", Password);

        var change = await a.PostFormAsync("/password/change", new Dictionary<string, string>
        {
            ["OldPassword"] = "not my password",
            ["NewPassword"] = "a brand new secret 7",
            ["ConfirmNewPassword"] = "a brand new secret 7",
        });

        Assert.Equal("error: Your old password is incorrect. Enter it again.", await change.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await b.ProfileAsync());
        using var fresh = _host.CreateClient();
        Assert.Equal("ok", await fresh.LoginAsync("olga@example.com", Password));
    }

    [Fact]
    [Trait("Case", "AUTH-03")]
    public async Task SetPassword_AdminSetsOtherUsersPassword_AdminStaysAndUsersSessionsEnd()
    {
        await _host.CreateUserAsync("admin@example.com", Password, u => u.IsStaff = true);
        await _host.CreateUserAsync("bea@example.com", Password);
        using var admin = _host.CreateClient();
        using var bea = _host.CreateClient();
        await admin.LoginAsync("admin@example.com", Password);
        await bea.LoginAsync("bea@example.com", Password);

        var set = await admin.PostFormAsync("/password/set?email=bea%40example.com", new Dictionary<string, string>
        {
            ["NewPassword"] = "set by the admin 9",
            ["ConfirmNewPassword"] = "set by the admin 9",
        });

        Assert.Equal("ok", await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await admin.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await bea.ProfileAsync());
    }

    [Fact]
    [Trait("Case", "AUTH-04")]
    public async Task Deactivate_TwoClients_BothAnonymousOnNextRequestAndSignInGivesGenericError()
    {
        var user = await _host.CreateUserAsync("dave@example.com", Password);
        using var one = _host.CreateClient();
        using var two = _host.CreateClient();
        await one.LoginAsync("dave@example.com", Password);
        await two.LoginAsync("dave@example.com", Password);

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            Assert.True((await users.DeactivateAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await one.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await two.ProfileAsync());
        using var fresh = _host.CreateClient();
        var inactive = await fresh.LoginAsync("dave@example.com", Password);
        var wrong = await fresh.LoginAsync("dave@example.com", "wrong password 1");
        var unknown = await fresh.LoginAsync("nobody@example.com", Password);
        Assert.Equal("error: " + ClinicAccountService<TestUser>.SignInFailedMessage, inactive);
        Assert.Equal(inactive, wrong);
        Assert.Equal(inactive, unknown);
    }

    [Fact]
    [Trait("Case", "AUTH-04")]
    public async Task Deactivate_ThroughUpdateAsync_EndsSessionsOnNextRequest()
    {
        var user = await _host.CreateUserAsync("ursula@example.com", Password);
        using var client = _host.CreateClient();
        await client.LoginAsync("ursula@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            var loaded = (await users.FindByIdAsync(user.Id))!;
            loaded.IsActive = false;
            await users.UpdateAsync(loaded);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await client.ProfileAsync());
    }

    [Fact]
    [Trait("Case", "AUTH-04")]
    public async Task Delete_SignedInUser_IsAnonymousOnNextRequest()
    {
        var user = await _host.CreateUserAsync("del@example.com", Password);
        using var one = _host.CreateClient();
        using var two = _host.CreateClient();
        await one.LoginAsync("del@example.com", Password);
        await two.LoginAsync("del@example.com", Password);

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await one.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await two.ProfileAsync());
    }

    [Fact]
    [Trait("Case", "AUTH-05")]
    public async Task Logout_ReplayedCookieCopy_IsRefused()
    {
        await _host.CreateUserAsync("rita@example.com", Password);
        var jar = new CookieContainer();
        using var client = _host.CreateClient(jar);
        await client.LoginAsync("rita@example.com", Password);
        var token = await client.TokenAsync();
        using var copy = _host.CreateClient(Copy(jar));
        using var otherSession = _host.CreateClient();
        await otherSession.LoginAsync("rita@example.com", Password);

        var logout = await client.PostFormAsync("/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await client.ProfileAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await copy.ProfileAsync());
        var replayedPost = await copy.PostFormAsync(
            "/password/change",
            new Dictionary<string, string>
            {
                ["OldPassword"] = Password,
                ["NewPassword"] = "replayed change 5",
                ["ConfirmNewPassword"] = "replayed change 5",
                ["__RequestVerificationToken"] = token,
            },
            withToken: false);
        Assert.NotEqual("ok", await replayedPost.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await otherSession.ProfileAsync());
    }

    [Fact]
    public async Task AuthenticatedRequests_WarmSessionState_RunNoDatabaseQuery()
    {
        await _host.CreateUserAsync("warm@example.com", Password);
        using var client = _host.CreateClient();
        await client.LoginAsync("warm@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());

        _host.Queries.Reset();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());
        }

        Assert.Equal(0, _host.Queries.Count);
    }

    [Fact]
    [Trait("Case", "AUTH-05")]
    public async Task Logout_Get_DoesNothing()
    {
        await _host.CreateUserAsync("gus@example.com", Password);
        using var client = _host.CreateClient();
        await client.LoginAsync("gus@example.com", Password);

        var response = await client.GetAsync("/logout");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());
    }

    [Fact]
    [Trait("Case", "AUTH-13")]
    public async Task Post_WithoutAntiforgeryToken_IsRejectedAndChangesNothing()
    {
        await _host.CreateUserAsync("csrf@example.com", Password);
        using var client = _host.CreateClient();

        var login = await client.PostFormAsync("/login", new Dictionary<string, string> { ["Email"] = "csrf@example.com", ["Password"] = Password }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await client.ProfileAsync());

        await client.LoginAsync("csrf@example.com", Password);
        var change = await client.PostFormAsync("/password/change", new Dictionary<string, string>
        {
            ["OldPassword"] = Password,
            ["NewPassword"] = "forged change 77",
            ["ConfirmNewPassword"] = "forged change 77",
        }, withToken: false);
        var logout = await client.PostFormAsync("/logout", new Dictionary<string, string>(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());
        using var fresh = _host.CreateClient();
        Assert.Equal("ok", await fresh.LoginAsync("csrf@example.com", Password));
    }

    [Fact]
    [Trait("Case", "AUTH-13")]
    public async Task Post_WithAnotherSessionsToken_IsRejected()
    {
        await _host.CreateUserAsync("mallory@example.com", Password);
        await _host.CreateUserAsync("victim@example.com", Password);
        using var attacker = _host.CreateClient();
        using var victim = _host.CreateClient();
        await attacker.LoginAsync("mallory@example.com", Password);
        await victim.LoginAsync("victim@example.com", Password);
        var attackerToken = await attacker.TokenAsync();

        var change = await victim.PostFormAsync(
            "/password/change",
            new Dictionary<string, string>
            {
                ["OldPassword"] = Password,
                ["NewPassword"] = "forged change 77",
                ["ConfirmNewPassword"] = "forged change 77",
                ["__RequestVerificationToken"] = attackerToken,
            },
            withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
    }

    [Fact]
    [Trait("Case", "AUTH-09")]
    public async Task Login_RepeatedFailuresWithSpoofedForwardedFor_LocksOutWithTheWrongPasswordReply()
    {
        await _host.CreateUserAsync("lock@example.com", Password);
        using var attacker = _host.CreateClient();
        var replies = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            replies.Add(await attacker.LoginAsync("lock@example.com", "guess " + i, new Dictionary<string, string>
            {
                ["X-Test-Connection-Ip"] = "198.51.100.1",
                ["X-Forwarded-For"] = $"203.0.113.{i}",
            }));
        }

        using var realUser = _host.CreateClient();
        var locked = await realUser.LoginAsync("lock@example.com", Password, new Dictionary<string, string> { ["X-Forwarded-For"] = "192.0.2.10" });

        Assert.All(replies, r => Assert.Equal("error: " + ClinicAccountService<TestUser>.SignInFailedMessage, r));
        Assert.Equal(replies[0], locked);
        var lockoutEnd = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByEmailAsync("lock@example.com"))!.LockoutEnd);
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task Login_BehindTrustedProxy_RecordsLastLoginAndForwardedClientAddress()
    {
        await _host.CreateUserAsync("ip@example.com", Password);
        using var client = _host.CreateClient();

        await client.LoginAsync("ip@example.com", Password, new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.50" });

        var user = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByEmailAsync("ip@example.com"))!);
        Assert.Equal("203.0.113.50", user.LastLoginIp);
        Assert.NotNull(user.LastLogin);
    }

    [Fact]
    public async Task Login_ForwardedForFromUntrustedConnection_RecordsConnectionAddress()
    {
        await _host.CreateUserAsync("spoof@example.com", Password);
        using var client = _host.CreateClient();

        await client.LoginAsync("spoof@example.com", Password, new Dictionary<string, string>
        {
            ["X-Test-Connection-Ip"] = "198.51.100.7",
            ["X-Forwarded-For"] = "203.0.113.50",
        });

        var user = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByEmailAsync("spoof@example.com"))!);
        Assert.Equal("198.51.100.7", user.LastLoginIp);
    }

    [Fact]
    public async Task Login_EmailWithUpperCaseDomain_SignsIn()
    {
        await _host.CreateUserAsync("Case@example.com", Password);
        using var client = _host.CreateClient();

        Assert.Equal("ok", await client.LoginAsync("Case@EXAMPLE.com", Password));
    }

    [Fact]
    [Trait("Case", "AUTH-07")]
    public async Task Login_LongPasswords_AcceptsSixtyFourAndRefusesHugeWithoutServerError()
    {
        var sixtyFour = new string('p', 60) + "1x2y";
        await _host.CreateUserAsync("long@example.com", sixtyFour);
        using var client = _host.CreateClient();

        Assert.Equal("ok", await client.LoginAsync("long@example.com", sixtyFour));
        foreach (var size in new[] { 4 * 1024 + 1, 1024 * 1024 })
        {
            using var other = _host.CreateClient();
            var reply = await other.LoginAsync("long@example.com", new string('x', size));
            Assert.True(reply is "400" or "413" || reply.StartsWith("error: ", StringComparison.Ordinal), reply);
        }
    }

    [Fact]
    public async Task Register_PasswordsDiffer_FailsWithoutCreatingUser()
    {
        using var client = _host.CreateClient();

        var response = await client.PostFormAsync("/register", new Dictionary<string, string>
        {
            ["Email"] = "new@example.com",
            ["Password"] = "a fine password 1",
            ["ConfirmPassword"] = "another password 2",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("didn't match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().Users.AnyAsync()));
    }

    [Fact]
    public async Task Register_CommonPassword_ShowsDjangoMessage()
    {
        using var client = _host.CreateClient();

        var response = await client.PostFormAsync("/register", new Dictionary<string, string>
        {
            ["Email"] = "new@example.com",
            ["Password"] = "password123",
            ["ConfirmPassword"] = "password123",
        });

        Assert.Equal("error: This password is too common.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Register_ValidForm_CreatesUserThatCanSignIn()
    {
        using var client = _host.CreateClient();

        var response = await client.PostFormAsync("/register", new Dictionary<string, string>
        {
            ["Email"] = "Newbie@Example.org",
            ["FirstName"] = "New",
            ["Password"] = "a fine password 1",
            ["ConfirmPassword"] = "a fine password 1",
        });

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", await client.LoginAsync("Newbie@example.org", "a fine password 1"));
    }

    private static CookieContainer Copy(CookieContainer source)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in source.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }
}
