using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

/// <summary>Creates and reads doctors, patients and accounts through the app's own services (user manager, context).</summary>
public static class ClinicData
{
    /// <summary>The password of every account these helpers create.</summary>
    public const string Password = "steady-lantern-2048";

    /// <summary>Creates an account (in the role's group through the app's signal receivers) and its doctor record.</summary>
    public static async Task<Doctor> CreateDoctorAsync(IServiceProvider services, string? email = null, bool active = true, string speciality = "Cardiology")
    {
        await using var scope = services.CreateAsyncScope();
        var user = await CreateUserAsync(scope.ServiceProvider, email ?? Unique("doctor"), "Test", "Doctor");
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var doctor = new Doctor { UserId = user.Id, Speciality = speciality, LicenceNumber = "T-" + Guid.NewGuid().ToString("N")[..10], IsActive = active };
        db.Doctors.Add(doctor);
        await db.SaveChangesAsync();
        doctor.User = user;
        return doctor;
    }

    /// <summary>Creates an account and its patient record assigned to <paramref name="doctorId"/>.</summary>
    public static async Task<Patient> CreatePatientAsync(IServiceProvider services, int doctorId, string? email = null, string lastName = "Patient")
    {
        await using var scope = services.CreateAsyncScope();
        var user = await CreateUserAsync(scope.ServiceProvider, email ?? Unique("patient"), "Test", lastName);
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var patient = new Patient { UserId = user.Id, DateOfBirth = new DateOnly(1980, 1, 2), Phone = "+1 555 0100", DoctorId = doctorId };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        patient.User = user;
        return patient;
    }

    /// <summary>Creates an active account; staff or superuser flags as given, optionally in a group.</summary>
    public static async Task<ErpUser> CreateAccountAsync(IServiceProvider services, string email, bool staff = false, bool superuser = false, string? group = null)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await CreateUserAsync(scope.ServiceProvider, email, "Test", "Account", staff, superuser);
        if (group is not null)
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>().AddToGroupAsync(user, group));
        }

        return user;
    }

    /// <summary>Reads a patient as stored (no tracking), or null.</summary>
    public static async Task<Patient?> FindPatientAsync(IServiceProvider services, int id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Patients.AsNoTracking()
            .Include(p => p.User).SingleOrDefaultAsync(p => p.Id == id);
    }

    /// <summary>The groups an account belongs to, by name.</summary>
    public static async Task<List<string>> GroupsOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        return await (from member in db.ClinicUserGroups
                      join user in db.Users on member.UserId equals user.Id
                      join g in db.ClinicGroups on member.GroupId equals g.Id
                      where user.Email == email
                      select g.Name).ToListAsync();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@clinic.test";

    private static async Task<ErpUser> CreateUserAsync(IServiceProvider services, string email, string first, string last, bool staff = false, bool superuser = false)
    {
        var users = services.GetRequiredService<ClinicUserManager<ErpUser>>();
        var user = new ErpUser { Email = email, FirstName = first, LastName = last, IsStaff = staff, IsSuperuser = superuser };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
