using System.Net;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

public sealed class RegistrationPageTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public RegistrationPageTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task RegisterDoctor_ValidForm_CreatesDoctorInGroupAndSignsIn()
    {
        using var client = new FormClient(_factory);
        var email = ClinicData.Unique("newdoc");
        var licence = "LIC-" + Guid.NewGuid().ToString("N")[..6];

        var (status, html) = await client.PostFormAsync("/accounts/register/doctor/", string.Empty, DoctorForm(email, licence));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Signed in as <strong>" + email, html, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var doctor = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Doctors.Include(d => d.User).SingleAsync(d => d.User!.Email == email);
        Assert.Equal(licence.ToUpperInvariant(), doctor.LicenceNumber);
        Assert.Equal("Neurology", doctor.Speciality);
        Assert.True(doctor.IsActive);
        Assert.Equal([ClinicGroups.Doctors], await ClinicData.GroupsOfAsync(_factory.Services, email));
    }

    [Fact]
    public async Task RegisterDoctor_SeveralBadFields_ShowsEveryErrorNextToItsFieldAndCreatesNothing()
    {
        using var client = new FormClient(_factory);
        var email = ClinicData.Unique("baddoc");
        var fields = DoctorForm(email, "NJ-0001", password: "123", confirm: "1234");

        var (status, html) = await client.PostFormAsync("/accounts/register/doctor/", string.Empty, fields);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("A doctor with this licence number is already registered.", Erp.FieldError(html, "Doctor.LicenceNumber"));
        Assert.Contains("The two password fields didn", Erp.FieldError(html, "Account.ConfirmPassword"), StringComparison.Ordinal);
        Assert.Contains("too short", Erp.FieldError(html, "Account.Password"), StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", html, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task RegisterDoctor_TakenEmail_ErrorOnEmailField()
    {
        using var client = new FormClient(_factory);

        var (_, html) = await client.PostFormAsync("/accounts/register/doctor/", string.Empty, DoctorForm(DemoData.GreyEmail, "NEW-" + Guid.NewGuid().ToString("N")[..6]));

        Assert.Equal("A user with that email address already exists.", Erp.FieldError(html, "Account.Email"));
    }

    [Fact]
    public async Task RegisterPatient_Get_OffersActiveDoctorsOnly()
    {
        var inactive = await ClinicData.CreateDoctorAsync(_factory.Services, active: false);
        var active = await ClinicData.CreateDoctorAsync(_factory.Services);
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync("/accounts/register/patient/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<option value=\"{active.Id}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{inactive.Id}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inactive")]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task RegisterPatient_DoctorOutsideTheChoices_ValidationErrorNotA500(string doctor)
    {
        var inactive = await ClinicData.CreateDoctorAsync(_factory.Services, active: false);
        var posted = doctor == "inactive" ? inactive.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : doctor;
        using var client = new FormClient(_factory);
        var email = ClinicData.Unique("pat");

        var (status, html) = await client.PostFormAsync("/accounts/register/patient/", string.Empty, PatientForm(email, posted));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(DoctorChoices.InvalidDoctorMessage, Erp.FieldError(html, "Patient.DoctorId"));
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task RegisterPatient_ValidForm_JoinsPatientsAndTheDoctorSeesThem()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        using var client = new FormClient(_factory);
        var email = ClinicData.Unique("pat");

        var (status, html) = await client.PostFormAsync("/accounts/register/patient/", string.Empty, PatientForm(email, doctor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Signed in as <strong>" + email, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"my-record\"", html, StringComparison.Ordinal);
        Assert.Equal([ClinicGroups.Patients], await ClinicData.GroupsOfAsync(_factory.Services, email));

        using var doctorClient = await Erp.SignedInAsync(_factory, doctor.User!.Email!);
        var (listStatus, list) = await doctorClient.GetAsync($"/doctors/{doctor.Id}/patients/");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Ann Example", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterPatient_FutureBirthDate_ErrorNextToTheField()
    {
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        using var client = new FormClient(_factory);
        var fields = PatientForm(ClinicData.Unique("pat"), doctor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), birth: DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var (_, html) = await client.PostFormAsync("/accounts/register/patient/", string.Empty, fields);

        Assert.Equal("The date of birth cannot be in the future.", Erp.FieldError(html, "Patient.DateOfBirth"));
    }

    private static List<KeyValuePair<string, string>> DoctorForm(string email, string licence, string password = ClinicData.Password, string? confirm = null) =>
    [
        new("Account.Email", email), new("Account.FirstName", "Nora"), new("Account.LastName", "Newdoc"),
        new("Account.Password", password), new("Account.ConfirmPassword", confirm ?? password),
        new("Doctor.Speciality", "Neurology"), new("Doctor.LicenceNumber", licence),
    ];

    private static List<KeyValuePair<string, string>> PatientForm(string email, string doctorId, string birth = "1991-04-05") =>
    [
        new("Account.Email", email), new("Account.FirstName", "Ann"), new("Account.LastName", "Example"),
        new("Account.Password", ClinicData.Password), new("Account.ConfirmPassword", ClinicData.Password),
        new("Patient.DateOfBirth", birth), new("Patient.Phone", "+1 555 0199"), new("Patient.DoctorId", doctorId),
    ];
}
