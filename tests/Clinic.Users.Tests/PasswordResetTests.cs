using System.Collections.Concurrent;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>Password reset by a token sent through <see cref="IClinicEmailSender"/>.</summary>
public sealed class PasswordResetTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private readonly CapturingSender _mail = new();
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
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
    public async Task Reset_BadToken_IsInvalidWithoutServerError(string token)
    {
        var user = await _host.CreateUserAsync("bad@example.com", Password);
        using var client = _host.CreateClient();

        var reply = await Confirm(client, user.Id, token, "brand new reset 31");

        Assert.True(reply == "error: " + ClinicAccountService<TestUser>.InvalidResetLinkMessage || reply == "400", reply);
        Assert.Equal("ok", await client.LoginAsync("bad@example.com", Password));
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
        public ConcurrentQueue<(string To, string Subject, string Body)> Sent { get; } = new();

        public Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
        {
            Sent.Enqueue((recipient, subject, body));
            return Task.CompletedTask;
        }
    }
}
