using System.Net;
using Clinic.Erp.Data;
using Clinic.Users;

namespace Clinic.Erp.Tests;

public sealed class AccountPagesTests : IDisposable
{
    private const string Login = "/accounts/login/";
    private const string Logout = "/accounts/logout/";
    private const string ChangePassword = "/accounts/password/change/";
    private const string NewPassword = "amber-lantern-93";

    private readonly ErpFactory _factory = new();

    [Fact]
    public async Task Login_WrongPasswordOrUnknownUser_SameGenericError()
    {
        using var client = new FormClient(_factory);

        var (wrongStatus, wrongHtml) = await SignInAsync(client, DemoData.HouseEmail, "not-the-password-1");
        var (unknownStatus, unknownHtml) = await SignInAsync(client, "nobody@clinic.test", "not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        Assert.Equal(HttpStatusCode.OK, unknownStatus);
        Assert.Contains(ClinicAccountService<Domain.ErpUser>.SignInFailedMessage, wrongHtml, StringComparison.Ordinal);
        Assert.Contains(ClinicAccountService<Domain.ErpUser>.SignInFailedMessage, unknownHtml, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Login_EmptyForm_FormErrorsNotServerError()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.PostFormAsync(Login, string.Empty, []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("clinic-users-login", html, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Login_RightPassword_SignsInAndNavShowsUser()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await SignInAsync(client, DemoData.HouseEmail, DemoData.HousePassword);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(DemoData.HouseEmail, html, StringComparison.Ordinal);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Logout_Post_EndsSessionAndReplayedCookieIsAnonymous()
    {
        using var client = new FormClient(_factory);
        await SignInAsync(client, DemoData.HouseEmail, DemoData.HousePassword);
        using var replay = new FormClient(_factory);
        foreach (var cookie in client.Cookies)
        {
            replay.Cookies[cookie.Key] = cookie.Value;
        }

        await client.PostFormAsync(Logout, string.Empty, []);

        Assert.False(await IsSignedInAsync(client));
        Assert.False(await IsSignedInAsync(replay));
    }

    [Fact]
    public async Task Logout_Get_KeepsUserSignedIn()
    {
        using var client = new FormClient(_factory);
        await SignInAsync(client, DemoData.HouseEmail, DemoData.HousePassword);

        var (status, _) = await client.GetAsync(Logout);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Logout_PostWithoutToken_BadRequestAndStillSignedIn()
    {
        using var client = new FormClient(_factory);
        await SignInAsync(client, DemoData.HouseEmail, DemoData.HousePassword);

        var (status, _) = await client.PostRawAsync(Logout, string.Empty, []);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task ChangePassword_Anonymous_RedirectedToLogin()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync(ChangePassword);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("clinic-users-login", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongOldPassword_FormErrorAndPasswordKept()
    {
        using var client = new FormClient(_factory);
        await SignInAsync(client, DemoData.GreyEmail, DemoData.GreyPassword);

        var (status, html) = await ChangeAsync(client, "not-the-password-1", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your old password is incorrect", html, StringComparison.Ordinal);
        using var fresh = new FormClient(_factory);
        await SignInAsync(fresh, DemoData.GreyEmail, DemoData.GreyPassword);
        Assert.True(await IsSignedInAsync(fresh));
    }

    [Fact]
    [Trait("Case", "AUTH-03")]
    public async Task ChangePassword_Succeeded_KeepsThisClientAndSignsOutOtherClient()
    {
        using var first = new FormClient(_factory);
        using var second = new FormClient(_factory);
        await SignInAsync(first, DemoData.HouseEmail, DemoData.HousePassword);
        await SignInAsync(second, DemoData.HouseEmail, DemoData.HousePassword);
        Assert.True(await IsSignedInAsync(second));

        var (status, html) = await ChangeAsync(first, DemoData.HousePassword, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your password was changed", html, StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(first));
        Assert.False(await IsSignedInAsync(second));
        using var third = new FormClient(_factory);
        await SignInAsync(third, DemoData.HouseEmail, NewPassword);
        Assert.True(await IsSignedInAsync(third));
    }

    public void Dispose() => _factory.Dispose();

    private static Task<(HttpStatusCode Status, string Html)> SignInAsync(FormClient client, string email, string password) =>
        client.PostFormAsync(Login, string.Empty, [new("Email", email), new("Password", password)]);

    private static Task<(HttpStatusCode Status, string Html)> ChangeAsync(FormClient client, string oldPassword, string newPassword, string confirm) =>
        client.PostFormAsync(ChangePassword, string.Empty, [new("OldPassword", oldPassword), new("NewPassword", newPassword), new("ConfirmNewPassword", confirm)]);

    /// <summary>The password page needs a signed-in user: anonymous clients end on the sign-in form instead.</summary>
    private static async Task<bool> IsSignedInAsync(FormClient client)
    {
        var (_, html) = await client.GetAsync(ChangePassword);
        return html.Contains("clinic-users-password-change", StringComparison.Ordinal);
    }
}
