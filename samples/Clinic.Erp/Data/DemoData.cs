using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>Seeds a small clinic in Development so a newcomer sees a working app on first run.</summary>
public static class DemoData
{
    /// <summary>The demo superuser (credentials also in the sample's README).</summary>
    public const string AdminEmail = "admin@clinic.test";

    public const string AdminPassword = "blue-stethoscope-42";

    /// <summary>The two demo doctors' accounts (not yet linked to the Doctor rows).</summary>
    public const string HouseEmail = "house@clinic.test";

    public const string HousePassword = "quiet-scalpel-17";

    public const string GreyEmail = "grey@clinic.test";

    public const string GreyPassword = "green-suture-58";

    public static async Task SeedAsync(ErpDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Doctors.AnyAsync(cancellationToken))
        {
            return;
        }

        var house = new Doctor { Name = "Gregory House", Speciality = "Diagnostics", LicenceNumber = "NJ-0001" };
        var grey = new Doctor { Name = "Meredith Grey", Speciality = "General surgery", LicenceNumber = "WA-0002" };
        house.Patients.AddRange(
        [
            new Patient { Name = "Ada Lovelace", DateOfBirth = new DateOnly(1985, 12, 10), Phone = "+44 20 7946 0001" },
            new Patient { Name = "Alan Turing", DateOfBirth = new DateOnly(1979, 6, 23), Phone = "+44 20 7946 0002" },
            new Patient { Name = "Grace Hopper", DateOfBirth = new DateOnly(1966, 12, 9) },
        ]);
        grey.Patients.AddRange(
        [
            new Patient { Name = "Edsger Dijkstra", DateOfBirth = new DateOnly(1990, 5, 11) },
            new Patient { Name = "Barbara Liskov", DateOfBirth = new DateOnly(1989, 11, 7), Phone = "+1 617 555 0100" },
        ]);
        db.Doctors.AddRange(house, grey);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates the demo admin and the two doctors' accounts when their addresses are not taken yet.</summary>
    public static async Task SeedUsersAsync(ClinicUserManager<ErpUser> users)
    {
        await CreateAsync(users, new ErpUser { Email = AdminEmail, FirstName = "Clinic", LastName = "Admin", IsStaff = true, IsSuperuser = true }, AdminPassword);
        await CreateAsync(users, new ErpUser { Email = HouseEmail, FirstName = "Gregory", LastName = "House" }, HousePassword);
        await CreateAsync(users, new ErpUser { Email = GreyEmail, FirstName = "Meredith", LastName = "Grey" }, GreyPassword);
    }

    private static async Task CreateAsync(ClinicUserManager<ErpUser> users, ErpUser user, string password)
    {
        if (await users.FindByEmailAsync(user.Email!) is not null)
        {
            return;
        }

        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {user.Email} was not created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
