using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Clinic.Erp.Tests;

public sealed partial class SessionPageTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public SessionPageTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task GetSession_RepeatedVisits_CounterIncrements()
    {
        using var client = new FormClient(_factory);

        var first = Visits((await client.GetAsync("/session/")).Html);
        var second = Visits((await client.GetAsync("/session/")).Html);
        var third = Visits((await client.GetAsync("/session/")).Html);

        Assert.Equal([1, 2, 3], [first, second, third]);
        Assert.True(client.Cookies.ContainsKey("sessionid"), "the session key should travel in the sessionid cookie");
    }

    [Fact]
    public async Task GetSession_AfterSignIn_ShowsTheAddressRecordedInTheSession()
    {
        // Kestrel on 127.0.0.1: the in-memory test server has no client address to record.
        using var factory = new ErpFactory();
        factory.StartOnLoopback();
        using var client = factory.CreateClient();
        Assert.Contains("data-testid=\"sign-in-ip\">not signed in<", await client.GetStringAsync("/session/"), StringComparison.Ordinal);

        var token = AntiforgeryTokenPattern().Match(await client.GetStringAsync("/accounts/login/")).Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("Email", Data.DemoData.HouseEmail), new("Password", Data.DemoData.HousePassword), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        (await client.PostAsync("/accounts/login/", form)).EnsureSuccessStatusCode();

        Assert.Contains("data-testid=\"sign-in-ip\">127.0.0.1<", await client.GetStringAsync("/session/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_TwoBrowsers_CountSeparately()
    {
        using var ann = new FormClient(_factory);
        using var bob = new FormClient(_factory);

        await ann.GetAsync("/session/");
        await ann.GetAsync("/session/");
        var bobVisits = Visits((await bob.GetAsync("/session/")).Html);

        Assert.Equal(1, bobVisits);
    }

    [Fact]
    public async Task GetSession_Visit_StoresTheSessionInTheDatabase()
    {
        using var client = new FormClient(_factory);

        await client.GetAsync("/session/");

        var key = client.Cookies["sessionid"];
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Data\" FROM clinic_sessions WHERE \"Key\" = $key";
        command.Parameters.AddWithValue("$key", key);
        var data = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(data);
        Assert.Contains("erp.visits", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostForget_AfterVisits_ResetsCounterAndKey()
    {
        using var client = new FormClient(_factory);
        await client.GetAsync("/session/");
        await client.GetAsync("/session/");
        var oldKey = client.Cookies["sessionid"];

        var (status, html) = await client.PostFormAsync("/session/", "Forget", []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Visits(html));
        Assert.NotEqual(oldKey, client.Cookies["sessionid"]);
    }

    [Fact]
    public async Task PostForget_WithoutAntiforgeryToken_Returns400AndKeepsSession()
    {
        using var client = new FormClient(_factory);
        await client.GetAsync("/session/");

        var (status, _) = await client.PostRawAsync("/session/", "Forget", []);
        var after = Visits((await client.GetAsync("/session/")).Html);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, after);
    }

    [Fact]
    public async Task PostExpiry_ZeroMinutes_ExpiresAtBrowserClose()
    {
        using var client = new FormClient(_factory);

        var (_, html) = await client.PostFormAsync("/session/", "Expiry", [new("Expiry.Minutes", "0")]);

        Assert.Contains("data-testid=\"expiry\">when the browser closes<", html, StringComparison.Ordinal);
        // Every session cookie written since (the POST and the page it redirects to) is a browser-session cookie.
        var headers = client.LastSetCookieHeaders.Where(h => h.StartsWith("sessionid=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, header => Assert.DoesNotContain("expires=", header, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PostExpiry_ThirtyMinutes_ShowsExpiryAboutThirtyMinutesAhead()
    {
        using var client = new FormClient(_factory);

        var (_, html) = await client.PostFormAsync("/session/", "Expiry", [new("Expiry.Minutes", "30")]);

        var shown = DateTimeOffset.ParseExact(
            ExpiryPattern().Match(html).Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(shown, DateTimeOffset.UtcNow.AddMinutes(28), DateTimeOffset.UtcNow.AddMinutes(31));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("999999")]
    [InlineData("soon")]
    [InlineData("")]
    public async Task PostExpiry_BadMinutes_ShowsFormError(string minutes)
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.PostFormAsync("/session/", "Expiry", [new("Expiry.Minutes", minutes)]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("field-validation-error", html, StringComparison.Ordinal);
    }

    private static int Visits(string html)
    {
        var match = VisitsPattern().Match(html);
        Assert.True(match.Success, "the page should show the visit counter");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-testid=\"visits\">(\\d+)<")]
    private static partial Regex VisitsPattern();

    [GeneratedRegex("data-testid=\"expiry\">([0-9-]+ [0-9:]+) UTC<")]
    private static partial Regex ExpiryPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryTokenPattern();
}
