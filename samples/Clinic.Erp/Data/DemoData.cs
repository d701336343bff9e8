using Clinic.Erp.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>Seeds a small clinic in Development so a newcomer sees a working app on first run.</summary>
internal static class DemoData
{
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
}
