using System.Net;
using Clinic.Erp.Data;

namespace Clinic.Erp.Tests;

/// <summary>The admin panel wired into the sample: who gets in, what the doctor and patient screens list.</summary>
public sealed class AdminPanelTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public AdminPanelTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task Superuser_ListsDoctorsAndPatients()
    {
        using var admin = await Erp.SignedInAsync(_factory, DemoData.AdminEmail, DemoData.AdminPassword);

        var (doctorsStatus, doctors) = await admin.GetAsync("/admin/erp/doctor/");
        Assert.Equal(HttpStatusCode.OK, doctorsStatus);
        Assert.Contains("NJ-0001", doctors, StringComparison.Ordinal);
        Assert.Contains("WA-0002", doctors, StringComparison.Ordinal);

        var (patientsStatus, patients) = await admin.GetAsync("/admin/erp/patient/");
        Assert.Equal(HttpStatusCode.OK, patientsStatus);
        Assert.Contains("555 0100", patients, StringComparison.Ordinal);
        Assert.Contains("7946 0001", patients, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorSearch_MatchesTheRegisteredFieldsOnly()
    {
        using var admin = await Erp.SignedInAsync(_factory, DemoData.AdminEmail, DemoData.AdminPassword);

        var (status, html) = await admin.GetAsync("/admin/erp/doctor/?q=diagnostics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("NJ-0001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WA-0002", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/")]
    [InlineData("/admin/erp/doctor/")]
    [InlineData("/admin/erp/patient/")]
    public async Task Doctor_IsRefused_AndSeesNoRows(string url)
    {
        var (email, password) = Erp.DemoAccount("doctor");
        using var doctor = await Erp.SignedInAsync(_factory, email, password);

        var (status, html) = await doctor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("NJ-0001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("555 0100", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff", true)]
    [InlineData("superuser", true)]
    [InlineData("doctor", false)]
    [InlineData("patient", false)]
    public async Task AdminLink_ShownOnlyToStaff(string role, bool shown)
    {
        var (email, password) = Erp.DemoAccount(role);
        using var client = await Erp.SignedInAsync(_factory, email, password);

        var (_, html) = await client.GetAsync("/");

        Assert.Equal(shown, html.Contains("data-testid=\"admin-link\" href=\"/admin/\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_IsSentToTheSignInPage()
    {
        using var anonymous = new FormClient(_factory);

        using var response = await anonymous.SendOnceAsync(HttpMethod.Get, "/admin/erp/patient/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/accounts/login/", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/erp/patient/999999/change/")]
    [InlineData("/admin/erp/patient/not-a-number/change/")]
    [InlineData("/admin/erp/nothing/")]
    public async Task BadIds_AreNotFound_NeverAServerError(string url)
    {
        using var admin = await Erp.SignedInAsync(_factory, DemoData.AdminEmail, DemoData.AdminPassword);

        var (status, _) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
