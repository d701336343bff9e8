using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

/// <summary>The clinic's main flows in headless Chromium, with screenshots of the pages they pass through.</summary>
[Trait("Category", "Browser")]
public sealed class ClinicFlowBrowserTests : IClassFixture<BrowserSession>
{
    private const string DoctorPassword = "bright-otoscope-913";
    private readonly BrowserSession _browser;

    public ClinicFlowBrowserTests(BrowserSession browser) => _browser = browser;

    [Fact]
    public async Task RegisterDoctorThenPatient_PatientPicksDoctor_DoctorSeesPatient()
    {
        var doctorEmail = ClinicData.Unique("chromium-doc");
        var patientEmail = ClinicData.Unique("chromium-pat");

        var doctorPage = await _browser.NewPageAsync();
        await doctorPage.GotoAsync("/");
        await doctorPage.GetByRole(AriaRole.Link, new() { Name = "Register as a doctor" }).ClickAsync();
        await doctorPage.GetByLabel("Email address").FillAsync(doctorEmail);
        await doctorPage.GetByLabel("First name").FillAsync("Chromia");
        await doctorPage.GetByLabel("Last name").FillAsync("Webster");
        await doctorPage.GetByLabel("Password", new() { Exact = true }).FillAsync(DoctorPassword);
        await doctorPage.GetByLabel("Password confirmation").FillAsync(DoctorPassword);
        await doctorPage.GetByLabel("Speciality").FillAsync("Paediatrics");
        await doctorPage.GetByLabel("Licence number").FillAsync("PW-" + Guid.NewGuid().ToString("N")[..6]);
        await Shot(doctorPage, "register-doctor.png");
        await doctorPage.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await doctorPage.WaitForURLAsync("**/doctors/");
        await Shot(doctorPage, "doctors.png");
        Assert.Contains(doctorEmail, await doctorPage.Locator(".signed-in").InnerTextAsync(), StringComparison.Ordinal);

        var patientPage = await _browser.NewPageAsync();
        await patientPage.GotoAsync("/accounts/register/patient/");
        await patientPage.GetByLabel("Email address").FillAsync(patientEmail);
        await patientPage.GetByLabel("First name").FillAsync("Pat");
        await patientPage.GetByLabel("Last name").FillAsync("Playwright");
        await patientPage.GetByLabel("Password", new() { Exact = true }).FillAsync(ClinicData.Password);
        await patientPage.GetByLabel("Password confirmation").FillAsync(ClinicData.Password);
        await patientPage.GetByLabel("Date of birth").FillAsync("1994-02-03");
        await patientPage.GetByLabel("Doctor").SelectOptionAsync(new SelectOptionValue { Label = "Chromia Webster — Paediatrics" });
        await Shot(patientPage, "register-patient.png");
        await patientPage.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await patientPage.GetByRole(AriaRole.Heading, new() { Name = "Chromia Webster" }).WaitForAsync();
        await patientPage.GetByTestId("my-record").ClickAsync();
        await patientPage.GetByRole(AriaRole.Heading, new() { Name = "Pat Playwright" }).WaitForAsync();
        await Shot(patientPage, "patient-record.png");
        Assert.Equal(0, await patientPage.GetByRole(AriaRole.Link, new() { Name = "Edit" }).CountAsync());

        // The doctor opens "My patients" and finds the new patient; Edit is offered, Delete is not (no permission).
        await doctorPage.GetByTestId("my-patients").ClickAsync();
        var row = doctorPage.Locator("[data-testid=patient-table] tbody tr", new() { HasText = "Pat Playwright" });
        await row.WaitForAsync();
        await Shot(doctorPage, "doctor-patients.png");
        Assert.Equal(1, await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).CountAsync());
        Assert.Equal(0, await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).CountAsync());
    }

    [Fact]
    public async Task PasswordChangedInOneBrowser_OtherBrowserOfTheSameDoctorIsSignedOut()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_browser.App.Services);
        var first = await _browser.NewPageAsync();
        var second = await _browser.NewPageAsync();
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync("/accounts/login/");
            await page.GetByLabel("Email address").FillAsync(doctor.User!.Email!);
            await page.GetByLabel("Password").FillAsync(ClinicData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.GetByTestId("my-patients").WaitForAsync();
        }

        await first.GetByRole(AriaRole.Link, new() { Name = "Password" }).ClickAsync();
        await first.GetByLabel("Old password").FillAsync(ClinicData.Password);
        await first.GetByLabel("New password", new() { Exact = true }).FillAsync(DoctorPassword);
        await first.GetByLabel("New password confirmation").FillAsync(DoctorPassword);
        await first.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await first.WaitForURLAsync(url => url.Contains("changed=", StringComparison.OrdinalIgnoreCase));

        await first.GotoAsync($"/doctors/{doctor.Id}/patients/");
        Assert.Contains("Patients of", await first.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await second.GotoAsync($"/doctors/{doctor.Id}/patients/");
        Assert.Contains("/accounts/login/", second.Url, StringComparison.Ordinal);
        Assert.Equal(0, await second.Locator(".signed-in").CountAsync());
    }

    [Fact]
    public async Task AccessDeniedAndNotFound_RenderedInTheSiteLayout()
    {
        var page = await _browser.NewPageAsync();
        var (email, password) = Erp.DemoAccount("patient");
        await page.GotoAsync("/accounts/login/");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("my-record").WaitForAsync();

        var denied = await page.GotoAsync("/doctors/1/patients/");
        await Shot(page, "access-denied.png");
        Assert.Equal(403, denied!.Status);
        Assert.Equal("Access denied", await page.Locator("h1").InnerTextAsync());

        var missing = await page.GotoAsync("/patients/99999/");
        Assert.Equal(404, missing!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator(".topbar").IsVisibleAsync());
    }

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = true });
}
