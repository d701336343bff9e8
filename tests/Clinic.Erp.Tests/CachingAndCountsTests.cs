using System.Net;
using Clinic.Erp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

/// <summary>The doctor list's page cache and its invalidation, signed-in pages never cached (APP-03), and page counts.</summary>
public sealed class CachingAndCountsTests : IDisposable
{
    private const string CacheHeader = "X-Clinic-Cache";
    private readonly ErpFactory _factory = new();

    [Fact]
    public async Task Doctors_SecondAnonymousGet_IsACacheHitAndASavedDoctorShowsOnTheNextGet()
    {
        using var client = new FormClient(_factory);
        using var first = await client.SendOnceAsync(HttpMethod.Get, "/doctors/");
        using var second = await client.SendOnceAsync(HttpMethod.Get, "/doctors/");
        Assert.StartsWith("MISS", Header(first, CacheHeader), StringComparison.Ordinal);
        Assert.Equal("HIT", Header(second, CacheHeader));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            var house = await db.Doctors.SingleAsync(d => d.User!.Email == DemoData.HouseEmail);
            house.Speciality = "Infectious diseases";
            await db.SaveChangesAsync();
        }

        using var third = await client.SendOnceAsync(HttpMethod.Get, "/doctors/");
        var html = await third.Content.ReadAsStringAsync();
        Assert.StartsWith("MISS", Header(third, CacheHeader), StringComparison.Ordinal);
        Assert.Contains("Infectious diseases", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctors_NewPatientDeletedPatient_InvalidateTheCachedList()
    {
        using var client = new FormClient(_factory);
        var doctor = await ClinicData.CreateDoctorAsync(_factory.Services);
        var before = await (await client.SendOnceAsync(HttpMethod.Get, "/doctors/")).Content.ReadAsStringAsync();
        Assert.Equal("HIT", Header(await client.SendOnceAsync(HttpMethod.Get, "/doctors/"), CacheHeader));
        Assert.Contains("0 patients", before, StringComparison.Ordinal);

        var patient = await ClinicData.CreatePatientAsync(_factory.Services, doctor.Id);
        var after = await (await client.SendOnceAsync(HttpMethod.Get, "/doctors/")).Content.ReadAsStringAsync();
        Assert.Contains("1 patient<", after, StringComparison.Ordinal);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
            db.Patients.Remove(await db.Patients.SingleAsync(p => p.Id == patient.Id));
            await db.SaveChangesAsync();
        }

        var deleted = await (await client.SendOnceAsync(HttpMethod.Get, "/doctors/")).Content.ReadAsStringAsync();
        Assert.Contains("0 patients", deleted, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "APP-03")]
    public async Task SignedInPages_NoStoreAndNeverServedFromOrStoredInThePageCache()
    {
        using var doctor = await Erp.SignedInAsync(_factory, DemoData.HouseEmail, DemoData.HousePassword);
        using var anonymous = new FormClient(_factory);
        var patientId = await FirstPatientOfHouseAsync();

        foreach (var url in new[] { "/", "/doctors/", "/doctors/1/", $"/patients/{patientId}/", $"/patients/{patientId}/edit/", "/session/", "/accounts/password/change/" })
        {
            using var response = await doctor.SendOnceAsync(HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.DoesNotContain("HIT", Header(response, CacheHeader) ?? "", StringComparison.Ordinal);
        }

        // The signed-in doctor's rendering of the cached URL was not stored: the anonymous visitor gets their own page.
        using var anonymousList = await anonymous.SendOnceAsync(HttpMethod.Get, "/doctors/");
        var html = await anonymousList.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Signed in as", html, StringComparison.Ordinal);
        using var again = await doctor.SendOnceAsync(HttpMethod.Get, "/doctors/");
        Assert.Contains("Signed in as", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", again.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Home_ShowsPageCountsOfHomeDoctorsAndDoctorPages()
    {
        using var client = new FormClient(_factory);
        int houseId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            houseId = await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Doctors.Where(d => d.User!.Email == DemoData.HouseEmail).Select(d => d.Id).SingleAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/doctors/");   // the second and third are cache hits: counted all the same
        }

        await client.GetAsync($"/doctors/{houseId}/");
        await client.GetAsync($"/doctors/{houseId}/");
        await client.GetAsync("/");

        var (status, html) = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Erp.Figure(html, "home-views"));
        Assert.Equal(3, Erp.Figure(html, "doctors-views"));
        Assert.Equal(2, Erp.Figure(html, $"doctor-views-{houseId}"));
    }

    public void Dispose() => _factory.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private async Task<int> FirstPatientOfHouseAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Patients
            .Where(p => p.Doctor!.User!.Email == DemoData.HouseEmail).Select(p => p.Id).FirstAsync();
    }
}
