using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Erp.Tests;

public sealed partial class CookiesPageTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public CookiesPageTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task SetSigned_ValidForm_ReadsTheValueBackAsValid()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.PostFormAsync("/cookies/", "SetSigned", Signed("hello clinic", "greeting"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("valid", SignedStatus(html));
        Assert.Contains("data-testid=\"signed-value\">hello clinic<", html, StringComparison.Ordinal);
        // The browser holds an opaque, protected value, never the plain text.
        Assert.DoesNotContain("hello", client.Cookies["erp_signed"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCookies_TamperedSignedCookie_ShowsInvalid()
    {
        using var client = new FormClient(_factory);
        await client.PostFormAsync("/cookies/", "SetSigned", Signed("hello", "greeting"));
        var original = client.Cookies["erp_signed"];
        var middle = original.Length / 2;
        client.Cookies["erp_signed"] = original[..middle] + (original[middle] == 'A' ? 'B' : 'A') + original[(middle + 1)..];

        var (status, html) = await client.GetAsync("/cookies/?salt=greeting");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("invalid", SignedStatus(html));
        Assert.Contains("tampered", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"signed-value\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCookies_SignedCookieReadWithAnotherSalt_ShowsInvalid()
    {
        using var client = new FormClient(_factory);
        await client.PostFormAsync("/cookies/", "SetSigned", Signed("hello", "greeting"));

        var (_, html) = await client.GetAsync("/cookies/?salt=other");

        Assert.Equal("invalid", SignedStatus(html));
        Assert.Contains("BadSignature", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCookies_SignatureOlderThanMaxAge_ShowsExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        using var client = new FormClient(app);
        var (_, fresh) = await client.PostFormAsync("/cookies/", "SetSigned", Signed("short-lived", "s", maxAgeSeconds: "60"));

        time.Advance(TimeSpan.FromMinutes(2));
        var (_, old) = await client.GetAsync("/cookies/?salt=s&maxAge=60");

        Assert.Equal("valid", SignedStatus(fresh));
        Assert.Equal("invalid", SignedStatus(old));
        Assert.Contains("expired", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCookies_NoSignedCookie_ShowsMissing()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync("/cookies/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("missing", SignedStatus(html));
    }

    [Fact]
    public async Task SetSigned_WithExpiry_WritesMaxAgeAndHttpOnly()
    {
        using var client = new FormClient(_factory);

        await client.PostFormAsync("/cookies/", "SetSigned", Signed("hello", "s", expiryMinutes: "10"));

        var header = Assert.Single(client.LastSetCookieHeaders, h => h.StartsWith("erp_signed=", StringComparison.Ordinal));
        Assert.Contains("max-age=600", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DeleteSigned_AfterSet_ShowsMissing()
    {
        using var client = new FormClient(_factory);
        await client.PostFormAsync("/cookies/", "SetSigned", Signed("hello", string.Empty));

        var (_, html) = await client.PostFormAsync("/cookies/", "DeleteSigned", []);

        Assert.Equal("missing", SignedStatus(html));
        Assert.False(client.Cookies.ContainsKey("erp_signed"));
    }

    [Fact]
    public async Task SetPlain_ThenDelete_ShowsValueThenNothing()
    {
        using var client = new FormClient(_factory);

        var (_, afterSet) = await client.PostFormAsync("/cookies/", "SetPlain", [new("PlainForm.Value", "blue & green")]);
        var (_, afterDelete) = await client.PostFormAsync("/cookies/", "DeletePlain", []);

        Assert.Contains("data-testid=\"plain-value\">blue &amp; green<", afterSet, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"plain-value\">nothing<", afterDelete, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetSigned_InvalidForm_ShowsFieldErrorsAndSetsNoCookie()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.PostFormAsync(
            "/cookies/", "SetSigned", Signed(string.Empty, "no spaces allowed", expiryMinutes: "-5", maxAgeSeconds: "abc"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Enter a value to sign.", html, StringComparison.Ordinal);
        Assert.Contains("Use letters, digits", html, StringComparison.Ordinal);
        Assert.Contains("The expiry is between 1 and", html, StringComparison.Ordinal);
        Assert.False(client.Cookies.ContainsKey("erp_signed"));
    }

    [Fact]
    public async Task GetCookies_UnparsableMaxAgeInQuery_ShowsErrorInsteadOfFailing()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync("/cookies/?maxAge=abc&salt=" + new string('x', 50));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("field-validation-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSetSigned_WithoutAntiforgeryToken_Returns400()
    {
        using var client = new FormClient(_factory);
        await client.GetAsync("/cookies/");

        var (status, _) = await client.PostRawAsync("/cookies/", "SetSigned", Signed("hello", "s"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(client.Cookies.ContainsKey("erp_signed"));
    }

    [Fact]
    public async Task Layout_AnyPage_LinksToCookiesAndSessionPages()
    {
        using var client = new FormClient(_factory);

        var (_, html) = await client.GetAsync("/");

        Assert.Contains("href=\"/cookies/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/session/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSignedCookie_AfterAppRestartWithSameKeys_StillValid()
    {
        // Two hosts over the same key folder and database stand for one app before and after a restart.
        using var client = new FormClient(_factory);
        await client.PostFormAsync("/cookies/", "SetSigned", Signed("kept", "restart"));
        var keys = Path.Combine(Path.GetDirectoryName(_factory.DatabasePath)!, "keys");
        await using var restarted = _factory.WithWebHostBuilder(b => b.UseSetting("Erp:DataProtectionKeysPath", keys));
        using var second = new FormClient(restarted);
        foreach (var cookie in client.Cookies)
        {
            second.Cookies[cookie.Key] = cookie.Value;
        }

        var (_, html) = await second.GetAsync("/cookies/?salt=restart");

        Assert.True(Directory.EnumerateFiles(keys, "key-*.xml").Any(), "the key ring should be persisted to the folder");
        Assert.Equal("valid", SignedStatus(html));
    }

    private static List<KeyValuePair<string, string>> Signed(string value, string salt, string expiryMinutes = "", string maxAgeSeconds = "") =>
    [
        new("SignedForm.Value", value),
        new("SignedForm.Salt", salt),
        new("SignedForm.ExpiryMinutes", expiryMinutes),
        new("SignedForm.MaxAgeSeconds", maxAgeSeconds),
    ];

    private static string SignedStatus(string html)
    {
        var match = SignedStatusPattern().Match(html);
        Assert.True(match.Success, "the page should show the signed cookie's status");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"signed-status\"[^>]*>([a-z]+)<")]
    private static partial Regex SignedStatusPattern();
}
