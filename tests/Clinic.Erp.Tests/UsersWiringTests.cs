using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

public sealed class UsersWiringTests : IDisposable
{
    private readonly ErpFactory _factory = new();

    [Fact]
    public async Task DemoData_Development_SeedsActiveStaffSuperuserAdmin()
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>();

        var admin = await users.FindByEmailAsync("admin@clinic.test");

        Assert.NotNull(admin);
        Assert.True(admin.IsActive);
        Assert.True(admin.IsStaff);
        Assert.True(admin.IsSuperuser);
        Assert.True(await users.CheckPasswordAsync(admin, DemoData.AdminPassword));
    }

    [Theory]
    [InlineData("house@clinic.test", DemoData.HousePassword)]
    [InlineData("grey@clinic.test", DemoData.GreyPassword)]
    public async Task DemoData_Development_SeedsDoctorUsersWithDocumentedPasswords(string email, string password)
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>();

        var doctor = await users.FindByEmailAsync(email);

        Assert.NotNull(doctor);
        Assert.False(doctor.IsSuperuser);
        Assert.False(doctor.IsStaff);
        Assert.True(await users.CheckPasswordAsync(doctor, password));
    }

    [Fact]
    public async Task DemoData_Development_SeedsDoctorsAndPatientsEachWithAnAccountInTheirGroup()
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();

        var doctors = await db.Doctors.Include(d => d.User).ToListAsync();
        var patients = await db.Patients.Include(p => p.User).ToListAsync();

        Assert.Equal([DemoData.GreyEmail, DemoData.HouseEmail], doctors.Select(d => d.User!.Email).Order(StringComparer.Ordinal));
        Assert.Equal(DemoData.Patients.Select(p => p.Email).Order(StringComparer.Ordinal), patients.Select(p => p.User!.Email).Order(StringComparer.Ordinal));
        // admin, reception, two doctors, five patients
        Assert.Equal(9, await db.Users.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        foreach (var doctor in doctors)
        {
            Assert.Equal([ClinicGroups.Doctors], await ClinicData.GroupsOfAsync(_factory.Services, doctor.User!.Email!));
        }

        foreach (var patient in patients)
        {
            Assert.Equal([ClinicGroups.Patients], await ClinicData.GroupsOfAsync(_factory.Services, patient.User!.Email!));
            var users = scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>();
            Assert.True(await users.CheckPasswordAsync(patient.User!, DemoData.PatientPassword));
        }

        var staff = await scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>().FindByEmailAsync(DemoData.StaffEmail);
        Assert.NotNull(staff);
        Assert.True(staff.IsStaff);
        Assert.False(staff.IsSuperuser);
        Assert.Equal([ClinicGroups.Staff], await ClinicData.GroupsOfAsync(_factory.Services, DemoData.StaffEmail));
    }

    public void Dispose() => _factory.Dispose();
}
