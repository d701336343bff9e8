using System.Net;
using System.Text.RegularExpressions;
using Clinic.Erp.Data;

namespace Clinic.Erp.Tests;

/// <summary>Small steps the sample's HTTP tests share: signing in, reading figures out of pages.</summary>
public static partial class Erp
{
    /// <summary>Signs <paramref name="client"/> in through the real sign-in page and checks that it worked.</summary>
    public static async Task SignInAsync(FormClient client, string email, string password)
    {
        var (status, html) = await client.PostFormAsync("/accounts/login/", string.Empty, [new("Email", email), new("Password", password)]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Signed in as", html, StringComparison.Ordinal);
    }

    /// <summary>A new client signed in as <paramref name="email"/>.</summary>
    public static async Task<FormClient> SignedInAsync(ErpFactory factory, string email, string password = ClinicData.Password)
    {
        var client = new FormClient(factory);
        await SignInAsync(client, email, password);
        return client;
    }

    /// <summary>The demo accounts by role, as the README lists them.</summary>
    public static (string Email, string Password) DemoAccount(string role) => role switch
    {
        "patient" => (DemoData.Patients[0].Email, DemoData.PatientPassword),
        "doctor" => (DemoData.HouseEmail, DemoData.HousePassword),
        "staff" => (DemoData.StaffEmail, DemoData.StaffPassword),
        "superuser" => (DemoData.AdminEmail, DemoData.AdminPassword),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>The number rendered inside the element with <c>data-testid</c> = <paramref name="testId"/> (digits and separators).</summary>
    public static long Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\">(?:<span class=\"page-count\">)?([0-9,]+)<", RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"no figure {testId} in the page");
        return long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The validation message rendered next to the field named <paramref name="field"/>, or null.</summary>
    public static string? FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.+?)</span>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
