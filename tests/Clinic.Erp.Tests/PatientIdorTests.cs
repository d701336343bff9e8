using System.Globalization;
using System.Net;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

/// <summary>SECURITY.md APP-01: a doctor walks every patient id; foreign ids are 404 (no existence oracle) and stay unchanged.</summary>
public sealed class PatientIdorTests : IDisposable
{
    private const int PatientsPerDoctor = 25;
    private readonly ErpFactory _factory = new();

    [Fact]
    [Trait("Case", "APP-01")]
    public async Task DoctorA_WalksEveryPatientId_ForeignIdsAre404AndUnchanged()
    {
        _ = _factory.Server;
        var doctorA = await ClinicData.CreateDoctorAsync(_factory.Services);
        var doctorB = await ClinicData.CreateDoctorAsync(_factory.Services);
        for (var i = 0; i < PatientsPerDoctor; i++)
        {
            await ClinicData.CreatePatientAsync(_factory.Services, doctorA.Id);
            await ClinicData.CreatePatientAsync(_factory.Services, doctorB.Id);
        }

        // Doctor A may delete too, so the delete endpoint is walked past its permission check.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>();
            Assert.True(await users.AddPermissionAsync((await users.FindByIdAsync(doctorA.UserId))!, ErpPermissions.DeletePatient));
        }

        var before = await SnapshotAsync();
        var own = before.Where(p => p.DoctorId == doctorA.Id).Select(p => p.Id).ToHashSet();
        var maxId = before.Max(p => p.Id);
        using var client = await Erp.SignedInAsync(_factory, doctorA.User!.Email!);
        var token = await client.GetTokenAsync($"/patients/{own.First()}/edit/");

        for (var id = 1; id <= maxId + 5; id++)
        {
            var expected = own.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            foreach (var page in new[] { $"/patients/{id}/", $"/patients/{id}/edit/", $"/patients/{id}/delete/" })
            {
                using var response = await client.SendOnceAsync(HttpMethod.Get, page);
                Assert.True(expected == response.StatusCode, $"GET {page}: expected {expected}, got {response.StatusCode}");
            }

            if (own.Contains(id))
            {
                continue;
            }

            using var edit = await client.SendOnceAsync(HttpMethod.Post, $"/patients/{id}/edit/",
                [new("Form.FirstName", "Mallory"), new("Form.LastName", "Changed"), new("Form.DateOfBirth", "2001-01-01"), new("Form.Phone", "+1 555 0666"), new("Form.DoctorId", doctorA.Id.ToString(CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token)]);
            Assert.True(edit.StatusCode == HttpStatusCode.NotFound, $"POST edit {id}: {edit.StatusCode}");
            using var delete = await client.SendOnceAsync(HttpMethod.Post, $"/patients/{id}/delete/", [new("__RequestVerificationToken", token)]);
            Assert.True(delete.StatusCode == HttpStatusCode.NotFound, $"POST delete {id}: {delete.StatusCode}");
        }

        var (listStatus, list) = await client.GetAsync($"/doctors/{doctorA.Id}/patients/");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        foreach (var patient in before)
        {
            Assert.Equal(own.Contains(patient.Id), list.Contains($"href=\"/patients/{patient.Id}/\"", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/doctors/{doctorB.Id}/patients/")).Status);
        Assert.Equal(before, await SnapshotAsync());

        // The walk was not vacuous: the same requests on an own patient do change and delete it.
        var mine = own.First();
        using var ownEdit = await client.SendOnceAsync(HttpMethod.Post, $"/patients/{mine}/edit/",
            [new("Form.FirstName", "Own"), new("Form.DateOfBirth", "2001-01-01"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, ownEdit.StatusCode);
        Assert.Equal("Own", (await ClinicData.FindPatientAsync(_factory.Services, mine))!.User!.FirstName);
        using var ownDelete = await client.SendOnceAsync(HttpMethod.Post, $"/patients/{mine}/delete/", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, ownDelete.StatusCode);
        Assert.Null(await ClinicData.FindPatientAsync(_factory.Services, mine));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<List<PatientRow>> SnapshotAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Patients.AsNoTracking()
            .OrderBy(p => p.Id)
            .Select(p => new PatientRow(p.Id, p.DoctorId, p.DateOfBirth, p.Phone, p.User!.FirstName, p.User.LastName))
            .ToListAsync();
    }

    private sealed record PatientRow(int Id, int DoctorId, DateOnly DateOfBirth, string? Phone, string FirstName, string LastName);
}
