using System.Collections.Concurrent;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>Password reset by a token sent through <see cref="IClinicEmailSender"/>; one subclass per database.</summary>
public abstract class PasswordResetTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private readonly CapturingSender _mail = new();
    private UsersTestHost _host = null!;

    protected abstract string Kind { get; }

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Create(Kind),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddSingleton<IClinicEmailSender>(_mail);
            },
            pipeline: app => app.MapAccountEndpoints());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_ExistingAndUnknownAddress_SameReplyAndMailOnlyToExactStoredAddress()
    {
        await _host.CreateUserAsync("Reset.Me@example.com", Password);
        using var client = _host.CreateClient();

        var known = await Request(client, "Reset.Me@EXAMPLE.com");
        var unknown = await Request(client, "nobody@example.com");

        Assert.Equal(known, unknown);
        var message = Assert.Single(_mail.Sent);
        Assert.Equal("Reset.Me@example.com", message.To);
        Assert.Contains("https://clinic.test/reset?uid=", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_ValidToken_SetsPasswordOnceAndEndsSessions()
    {
        await _host.CreateUserAsync("tok@example.com", Password);
        using var session = _host.CreateClient();
        await session.LoginAsync("tok@example.com", Password);
        using var client = _host.CreateClient();
        await Request(client, "tok@example.com");
        var (uid, token) = LinkOf(Assert.Single(_mail.Sent).Body);

        var first = await Confirm(client, uid, token, "brand new reset 31");
        var second = await Confirm(client, uid, token, "another reset 32");

        Assert.Equal("ok", first);
        Assert.Equal("error: " + ClinicAccountService<TestUser>.InvalidResetLinkMessage, second);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.ProfileAsync());
        Assert.Equal("ok", await client.LoginAsync("tok@example.com", "brand new reset 31"));
    }

    [Theory]
    [Trait("Case", "AUTH-10")]
    [InlineData("tampered")]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("zzzzzzzzzzzzzzzzzz-0123456789abcdef0123")] // Django's shape with an 18-character base36 timestamp
    public async Task Reset_BadToken_IsInvalidWithoutServerError(string token)
    {
        var user = await _host.CreateUserAsync("bad@example.com", Password);
        using var client = _host.CreateClient();

        var reply = await Confirm(client, user.Id, token, "brand new reset 31");

        Assert.True(reply == "error: " + ClinicAccountService<TestUser>.InvalidResetLinkMessage || reply == "400", reply);
        Assert.Equal("ok", await client.LoginAsync("bad@example.com", Password));
    }

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_MailFailingAccount_SameReplyAsExistingAndUnknown()
    {
        await _host.CreateUserAsync("works@example.com", Password);
        await _host.CreateUserAsync(CapturingSender.FailingAddress, Password);
        using var client = _host.CreateClient();

        var known = await Request(client, "works@example.com");
        var failing = await Request(client, CapturingSender.FailingAddress);
        var unknown = await Request(client, "nobody@example.com");

        Assert.Equal(known, failing);
        Assert.Equal(known, unknown);
        Assert.Equal("works@example.com", Assert.Single(_mail.Sent).To);
    }

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_TokenAfterASignIn_IsInvalid()
    {
        await _host.CreateUserAsync("late@example.com", Password);
        using var client = _host.CreateClient();
        await Request(client, "late@example.com");
        var (uid, token) = LinkOf(Assert.Single(_mail.Sent).Body);

        using var owner = _host.CreateClient();
        Assert.Equal("ok", await owner.LoginAsync("late@example.com", Password));

        Assert.Equal("error: " + ClinicAccountService<TestUser>.InvalidResetLinkMessage, await Confirm(client, uid, token, "brand new reset 31"));
        Assert.Equal("ok", await client.LoginAsync("late@example.com", Password));
    }

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_TokenAfterEmailChange_IsInvalid()
    {
        var user = await _host.CreateUserAsync("old.address@example.com", Password);
        using var client = _host.CreateClient();
        await Request(client, "old.address@example.com");
        var (uid, token) = LinkOf(Assert.Single(_mail.Sent).Body);

        // Written straight through UpdateAsync, so the security stamp stays: the token must die on the address alone.
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            var loaded = (await users.FindByIdAsync(user.Id))!;
            loaded.Email = loaded.UserName = "new.address@example.com";
            Assert.True((await users.UpdateAsync(loaded)).Succeeded);
        });

        Assert.Equal("error: " + ClinicAccountService<TestUser>.InvalidResetLinkMessage, await Confirm(client, uid, token, "brand new reset 31"));
    }

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_RequestWithForeignHost_LinkUsesTheConfiguredSite()
    {
        await _host.CreateUserAsync("host@example.com", Password);
        using var client = _host.CreateClient();
        await client.PostFormAsync("/password/reset", new Dictionary<string, string> { ["Email"] = "host@example.com" }, headers: new Dictionary<string, string> { ["Host"] = "evil.example" });

        var body = Assert.Single(_mail.Sent).Body;
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://clinic.test/reset?", body, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Case", "AUTH-10")]
    [InlineData("m\u0131ke@example.com")] // dotless i: upper-cases to the owner's address
    [InlineData("MIKE@example.com")]
    [InlineData("mi\u212Ae@example.com")] // Kelvin sign
    public async Task Reset_CaseMappingLookAlike_MailGoesOnlyToTheStoredAddress(string escaped)
    {
        await _host.CreateUserAsync("mike@example.com", Password);
        using var client = _host.CreateClient();

        await Request(client, System.Text.RegularExpressions.Regex.Unescape(escaped));

        Assert.All(_mail.Sent, m => Assert.Equal("mike@example.com", m.To));
    }

    [Fact]
    [Trait("Case", "AUTH-10")]
    public async Task Reset_TokenPastItsLifespan_IsInvalid()
    {
        var mail = new CapturingSender();
        await using var host = await UsersTestHost.StartAsync(
            TestDatabase.Create(Kind),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddSingleton<IClinicEmailSender>(mail);
                s.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.Zero);
            },
            pipeline: app => app.MapAccountEndpoints());
        await host.CreateUserAsync("expired@example.com", Password);
        using var client = host.CreateClient();
        await Request(client, "expired@example.com");
        var (uid, token) = LinkOf(Assert.Single(mail.Sent).Body);

        Assert.Equal("error: " + ClinicAccountService<TestUser>.InvalidResetLinkMessage, await Confirm(client, uid, token, "brand new reset 31"));
        Assert.Equal("ok", await client.LoginAsync("expired@example.com", Password));
    }

    private static async Task<string> Request(HttpClient client, string email)
    {
        var response = await client.PostFormAsync("/password/reset", new Dictionary<string, string> { ["Email"] = email });
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private static async Task<string> Confirm(HttpClient client, string uid, string token, string password)
    {
        var response = await client.PostFormAsync(
            $"/password/reset/confirm?uid={Uri.EscapeDataString(uid)}&token={Uri.EscapeDataString(token)}",
            new Dictionary<string, string> { ["NewPassword"] = password, ["ConfirmNewPassword"] = password });
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode}";
    }

    private static (string Uid, string Token) LinkOf(string body)
    {
        var link = body.Split('\n').Single(l => l.StartsWith("https://", StringComparison.Ordinal));
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        return (query["uid"].ToString(), query["token"].ToString());
    }

    private sealed class CapturingSender : IClinicEmailSender
    {
        public const string FailingAddress = "bounces@example.com";

        public ConcurrentQueue<(string To, string Subject, string Body)> Sent { get; } = new();

        public Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
        {
            if (recipient == FailingAddress)
            {
                throw new InvalidOperationException("The mail server refused the message.");
            }

            Sent.Enqueue((recipient, subject, body));
            return Task.CompletedTask;
        }
    }
}
