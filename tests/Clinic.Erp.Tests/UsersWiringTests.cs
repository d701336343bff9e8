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
    public async Task Startup_UsersMigration_KeepsDoctorsAndPatients()
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();

        Assert.Equal(2, await db.Doctors.CountAsync());
        Assert.Equal(5, await db.Patients.CountAsync());
        Assert.Equal(3, await db.Users.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose() => _factory.Dispose();
}
