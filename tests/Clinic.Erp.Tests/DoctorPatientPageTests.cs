using System.Net;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

/// <summary>The doctor and patient pages and who may see what, over HTTP.</summary>
public sealed class DoctorPatientPageTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public DoctorPatientPageTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task Doctors_Anonymous_ListsActiveDoctorsWithLinks()
    {
        var inactive = await ClinicData.CreateDoctorAsync(_factory.Services, active: false, speciality: "Hidden speciality");
        var active = await ClinicData.CreateDoctorAsync(_factory.Services, speciality: "Shown speciality");
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync("/doctors/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/doctors/{active.Id}/\"", html, StringComparison.Ordinal);
        Assert.Contains("Shown speciality", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden speciality", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/doctors/{inactive.Id}/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorDetails_InactiveDoctor_404ForAnonymousButShownToStaff()
    {
        var inactive = await ClinicData.CreateDoctorAsync(_factory.Services, active: false);
        using var anonymous = new FormClient(_factory);
        using var staff = await Erp.SignedInAsync(_factory, DemoData.StaffEmail, DemoData.StaffPassword);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/doctors/{inactive.Id}/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/doctors/{inactive.Id}/")).Status);
    }

    [Fact]
    public async Task DoctorPatients_OwnDoctor_ListsExactlyTheirPatients()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var other = await ClinicData.CreateDoctorAsync(_factory.Services);
        var mine = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id, lastName: "Mineson");
        var theirs = await ClinicData.CreatePatientAsync(_factory.Services, other.Id, lastName: "Otherson");
        using var client = await Erp.SignedInAsync(_factory, doctor.User!.Email!);

        var (status, html) = await client.GetAsync($"/doctors/{doctor.Id}/patients/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/patients/{mine.Id}/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/patients/{theirs.Id}/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Otherson", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorPatients_AnotherDoctorOrAPatient_403PageInTheSiteLayout()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var other = await ClinicData.CreateDoctorAsync(_factory.Services);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var otherClient = await Erp.SignedInAsync(_factory, other.User!.Email!);
        using var patientClient = await Erp.SignedInAsync(_factory, patient.User!.Email!);

        var (status, html) = await otherClient.GetAsync($"/doctors/{doctor.Id}/patients/");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Access denied", html, StringComparison.Ordinal);
        Assert.Contains("class=\"topbar\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await patientClient.GetAsync($"/doctors/{doctor.Id}/patients/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/doctors/987654/patients/")).Status);
    }

    [Fact]
    public async Task PatientPages_Anonymous_RedirectToSignIn()
    {
        using var client = new FormClient(_factory);
        foreach (var url in new[] { "/patients/1/", "/patients/1/edit/", "/patients/1/delete/", "/doctors/1/patients/" })
        {
            using var response = await client.SendOnceAsync(HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/accounts/login/", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PatientDetails_PatientSeesOwnRecordAndDoctorButNotAnother()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        var neighbour = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var client = await Erp.SignedInAsync(_factory, patient.User!.Email!);

        var (status, html) = await client.GetAsync($"/patients/{patient.Id}/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(patient.User.Email!, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/doctors/{doctor.Id}/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Edit<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Delete<", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/doctors/{doctor.Id}/")).Status);
        var (foreignStatus, foreign) = await client.GetAsync($"/patients/{neighbour.Id}/");
        Assert.Equal(HttpStatusCode.NotFound, foreignStatus);
        Assert.Contains("Page not found", foreign, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/patients/{patient.Id}/edit/")).Status);
    }

    [Fact]
    public async Task PatientDetails_ButtonsFollowPermissions_DoctorEditsStaffAlsoDeletes()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var doctorClient = await Erp.SignedInAsync(_factory, doctor.User!.Email!);
        using var staff = await Erp.SignedInAsync(_factory, DemoData.StaffEmail, DemoData.StaffPassword);

        var (_, doctorView) = await doctorClient.GetAsync($"/patients/{patient.Id}/");
        var (_, staffView) = await staff.GetAsync($"/patients/{patient.Id}/");

        Assert.Contains($"href=\"/patients/{patient.Id}/edit/\"", doctorView, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/patients/{patient.Id}/delete/\"", doctorView, StringComparison.Ordinal);
        Assert.Contains($"href=\"/patients/{patient.Id}/edit/\"", staffView, StringComparison.Ordinal);
        Assert.Contains($"href=\"/patients/{patient.Id}/delete/\"", staffView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctorClient.GetAsync($"/patients/{patient.Id}/delete/")).Status);
    }

    [Fact]
    public async Task PatientEdit_OwnDoctorPostsValidForm_SavesAndShowsRecord()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var client = await Erp.SignedInAsync(_factory, doctor.User!.Email!);

        var (status, html) = await client.PostFormAsync($"/patients/{patient.Id}/edit/", string.Empty,
            [new("Form.FirstName", "Renamed"), new("Form.LastName", "Person"), new("Form.DateOfBirth", "1970-03-04"), new("Form.Phone", "+1 555 0142"), new("Form.DoctorId", "1")]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Renamed Person", html, StringComparison.Ordinal);
        var stored = await ClinicData.FindPatientAsync(_factory.Services, patient.Id);
        Assert.Equal(new DateOnly(1970, 3, 4), stored!.DateOfBirth);
        Assert.Equal("+1 555 0142", stored.Phone);
        Assert.Equal(doctor.Id, stored.DoctorId); // a doctor cannot move the patient: the posted DoctorId is ignored
    }

    [Fact]
    public async Task PatientEdit_InvalidForm_ErrorNextToFieldAndNothingSaved()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var client = await Erp.SignedInAsync(_factory, doctor.User!.Email!);

        var (status, html) = await client.PostFormAsync($"/patients/{patient.Id}/edit/", string.Empty,
            [new("Form.FirstName", "Nope"), new("Form.DateOfBirth", ""), new("Form.Phone", "not a phone !!")]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Enter the date of birth.", Erp.FieldError(html, "Form.DateOfBirth"));
        Assert.Equal("Enter a valid phone number.", Erp.FieldError(html, "Form.Phone"));
        var stored = await ClinicData.FindPatientAsync(_factory.Services, patient.Id);
        Assert.Equal("Test", stored!.User!.FirstName);
    }

    [Fact]
    public async Task PatientEdit_StaffMovesPatientToActiveDoctorOnly()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var target = await ClinicData.CreateDoctorAsync(_factory.Services);
        var inactive = await ClinicData.CreateDoctorAsync(_factory.Services, active: false);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var staff = await Erp.SignedInAsync(_factory, DemoData.StaffEmail, DemoData.StaffPassword);
        string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (_, refused) = await staff.PostFormAsync($"/patients/{patient.Id}/edit/", string.Empty,
            [new("Form.DateOfBirth", "1980-01-02"), new("Form.DoctorId", Id(inactive.Id))]);
        Assert.Equal(Infrastructure.DoctorChoices.InvalidDoctorMessage, Erp.FieldError(refused, "Form.DoctorId"));
        Assert.Equal(doctor.Id, (await ClinicData.FindPatientAsync(_factory.Services, patient.Id))!.DoctorId);

        var (status, _) = await staff.PostFormAsync($"/patients/{patient.Id}/edit/", string.Empty,
            [new("Form.DateOfBirth", "1980-01-02"), new("Form.DoctorId", Id(target.Id))]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(target.Id, (await ClinicData.FindPatientAsync(_factory.Services, patient.Id))!.DoctorId);
    }

    [Fact]
    public async Task PatientDelete_StaffConfirms_DeletesRecordKeepsAccount()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        using var staff = await Erp.SignedInAsync(_factory, DemoData.StaffEmail, DemoData.StaffPassword);

        var (confirmStatus, confirm) = await staff.GetAsync($"/patients/{patient.Id}/delete/");
        Assert.Equal(HttpStatusCode.OK, confirmStatus);
        Assert.Contains("Yes, delete", confirm, StringComparison.Ordinal);
        Assert.NotNull(await ClinicData.FindPatientAsync(_factory.Services, patient.Id));

        var (status, _) = await staff.PostFormAsync($"/patients/{patient.Id}/delete/", string.Empty, []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(await ClinicData.FindPatientAsync(_factory.Services, patient.Id));
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Users.AnyAsync(u => u.Id == patient.UserId));
    }

    [Fact]
    public async Task UnknownUrl_404PageInTheSiteLayout()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync("/no-such-page/");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("class=\"topbar\"", html, StringComparison.Ordinal);
    }
}
