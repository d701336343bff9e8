using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>
/// Seeds a small clinic in Development so a newcomer sees a working app on first run: an admin, a receptionist (staff),
/// two doctors and five patients, each with a user account (credentials also in the sample's README).
/// </summary>
public static class DemoData
{
    /// <summary>The demo superuser.</summary>
    public const string AdminEmail = "admin@clinic.test";

    public const string AdminPassword = "blue-stethoscope-42";

    /// <summary>The demo staff member (group "Staff": every doctor and patient permission, not a superuser).</summary>
    public const string StaffEmail = "reception@clinic.test";

    public const string StaffPassword = "amber-clipboard-73";

    /// <summary>The two demo doctors.</summary>
    public const string HouseEmail = "house@clinic.test";

    public const string HousePassword = "quiet-scalpel-17";

    public const string GreyEmail = "grey@clinic.test";

    public const string GreyPassword = "green-suture-58";

    /// <summary>The password of every demo patient (their addresses are in <see cref="Patients"/>).</summary>
    public const string PatientPassword = "calm-waiting-room-64";

    /// <summary>The demo patients: email, first and last name, date of birth, phone, doctor's email.</summary>
    public static IReadOnlyList<DemoPatient> Patients { get; } =
    [
        new("ada@clinic.test", "Ada", "Lovelace", new DateOnly(1985, 12, 10), "+44 20 7946 0001", HouseEmail),
        new("alan@clinic.test", "Alan", "Turing", new DateOnly(1979, 6, 23), "+44 20 7946 0002", HouseEmail),
        new("grace@clinic.test", "Grace", "Hopper", new DateOnly(1966, 12, 9), null, HouseEmail),
        new("edsger@clinic.test", "Edsger", "Dijkstra", new DateOnly(1990, 5, 11), null, GreyEmail),
        new("barbara@clinic.test", "Barbara", "Liskov", new DateOnly(1989, 11, 7), "+1 617 555 0100", GreyEmail),
    ];

    /// <summary>
    /// Creates the demo accounts whose addresses are not taken yet, and the doctor and patient records those accounts
    /// lack (an account kept from an older database gets its record); never changes an existing row.
    /// </summary>
    public static async Task SeedAsync(ErpDbContext db, ClinicUserManager<ErpUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        if (await users.FindByEmailAsync(AdminEmail) is null)
        {
            var created = await users.CreateSuperuserAsync(AdminEmail, AdminPassword, u => (u.FirstName, u.LastName) = ("Clinic", "Admin"));
            EnsureSucceeded(created, AdminEmail);
        }

        var staff = await GetOrCreateUserAsync(users, new ErpUser { Email = StaffEmail, FirstName = "Rita", LastName = "Reception", IsStaff = true }, StaffPassword);
        await users.AddToGroupAsync(staff, ClinicGroups.Staff);

        await GetOrCreateDoctorAsync(db, users, new ErpUser { Email = HouseEmail, FirstName = "Gregory", LastName = "House" }, HousePassword, "Diagnostics", "NJ-0001", cancellationToken);
        await GetOrCreateDoctorAsync(db, users, new ErpUser { Email = GreyEmail, FirstName = "Meredith", LastName = "Grey" }, GreyPassword, "General surgery", "WA-0002", cancellationToken);
        foreach (var patient in Patients)
        {
            var user = await GetOrCreateUserAsync(users, new ErpUser { Email = patient.Email, FirstName = patient.FirstName, LastName = patient.LastName }, PatientPassword);
            if (await db.Patients.AnyAsync(p => p.UserId == user.Id, cancellationToken))
            {
                continue;
            }

            var doctorId = await db.Doctors.Where(d => d.User!.Email == patient.DoctorEmail).Select(d => d.Id).SingleAsync(cancellationToken);
            db.Patients.Add(new Patient { UserId = user.Id, DateOfBirth = patient.DateOfBirth, Phone = patient.Phone, DoctorId = doctorId });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task GetOrCreateDoctorAsync(ErpDbContext db, ClinicUserManager<ErpUser> users, ErpUser user, string password, string speciality, string licence, CancellationToken cancellationToken)
    {
        var account = await GetOrCreateUserAsync(users, user, password);
        if (await db.Doctors.AnyAsync(d => d.UserId == account.Id || d.LicenceNumber == licence, cancellationToken))
        {
            return;
        }

        db.Doctors.Add(new Doctor { UserId = account.Id, Speciality = speciality, LicenceNumber = licence });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Returns the account with this address, creating it with <paramref name="password"/> when missing.</summary>
    private static async Task<ErpUser> GetOrCreateUserAsync(ClinicUserManager<ErpUser> users, ErpUser user, string password)
    {
        if (await users.FindByEmailAsync(user.Email!) is { } existing)
        {
            return existing;
        }

        EnsureSucceeded(await users.CreateAsync(user, password), user.Email!);
        return user;
    }

    private static void EnsureSucceeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email} was not created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>One demo patient.</summary>
    public sealed record DemoPatient(string Email, string FirstName, string LastName, DateOnly DateOfBirth, string? Phone, string DoctorEmail);
}
