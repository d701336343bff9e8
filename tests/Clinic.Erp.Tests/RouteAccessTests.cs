using System.Globalization;
using System.Net;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

/// <summary>
/// SECURITY.md APP-02: every endpoint the app maps (read from <see cref="EndpointDataSource"/>) against every role, with
/// an explicit expected status; an endpoint missing from the table, or without an explicit policy, fails the test.
/// </summary>
public sealed class RouteAccessTests : IClassFixture<ErpFactory>
{
    private static readonly string[] Roles = ["anonymous", "patient", "doctor", "staff", "superuser"];

    /// <summary>Route pattern (lower-case, no outer slashes) → GET status for anonymous, patient, doctor, staff, superuser.</summary>
    private static readonly Dictionary<string, int[]> Expected = new(StringComparer.Ordinal)
    {
        [""] = [200, 200, 200, 200, 200],
        ["index"] = [200, 200, 200, 200, 200],
        ["error"] = [200, 200, 200, 200, 200],
        ["status/{code:int}"] = [404, 404, 404, 404, 404],
        ["healthz"] = [200, 200, 200, 200, 200],
        ["media/{**name}"] = [302, 200, 200, 200, 200],
        ["cookies"] = [200, 200, 200, 200, 200],
        ["cookies/index"] = [200, 200, 200, 200, 200],
        ["session"] = [200, 200, 200, 200, 200],
        ["session/index"] = [200, 200, 200, 200, 200],
        ["accounts/login"] = [200, 200, 200, 200, 200],
        ["accounts/logout"] = [200, 200, 200, 200, 200],
        ["accounts/password/change"] = [302, 200, 200, 200, 200],
        ["accounts/profile"] = [302, 200, 200, 200, 200],
        ["accounts/register/doctor"] = [200, 200, 200, 200, 200],
        ["accounts/register/patient"] = [200, 200, 200, 200, 200],
        ["doctors"] = [200, 200, 200, 200, 200],
        ["doctors/index"] = [200, 200, 200, 200, 200],
        ["doctors/{id:int}"] = [200, 200, 200, 200, 200],
        ["doctors/{id:int}/patients"] = [302, 403, 200, 200, 200],
        ["patients/{id:int}"] = [302, 200, 200, 200, 200],
        ["patients/{id:int}/edit"] = [302, 403, 200, 200, 200],
        ["patients/{id:int}/delete"] = [302, 403, 403, 200, 200],

        // The admin panel: anonymous → sign-in page; signed in but not active staff (the patient, the doctor) → 403;
        // staff by model permission (group "Staff": doctors and patients, not users, groups or the permission list);
        // the superuser everything. {app}/{model} is erp/patient, {id} Ada's record, her account or the group "Staff".
        ["admin"] = [302, 403, 403, 200, 200],
        ["admin/static/admin.css"] = [302, 200, 200, 200, 200],
        ["admin/auth/user"] = [302, 403, 403, 403, 200],
        ["admin/auth/user/add"] = [302, 403, 403, 403, 200],
        ["admin/auth/user/{id}/change"] = [302, 403, 403, 403, 200],
        ["admin/auth/user/{id}/password"] = [302, 403, 403, 403, 200],
        ["admin/auth/user/{id}/delete"] = [302, 403, 403, 403, 200],
        ["admin/auth/user/{id}/history"] = [302, 403, 403, 403, 200],
        ["admin/auth/group"] = [302, 403, 403, 403, 200],
        ["admin/auth/group/add"] = [302, 403, 403, 403, 200],
        ["admin/auth/group/{id:int}/change"] = [302, 403, 403, 403, 200],
        ["admin/auth/group/{id:int}/delete"] = [302, 403, 403, 403, 200],
        ["admin/auth/group/{id:int}/history"] = [302, 403, 403, 403, 200],
        ["admin/auth/permission"] = [302, 403, 403, 403, 200],
        ["admin/{app}/{model}"] = [302, 403, 403, 200, 200],
        ["admin/{app}/{model}/add"] = [302, 403, 403, 200, 200],
        ["admin/{app}/{model}/{id}/change"] = [302, 403, 403, 200, 200],
        ["admin/{app}/{model}/{id}/delete"] = [302, 403, 403, 200, 200],
        ["admin/{app}/{model}/{id}/history"] = [302, 403, 403, 200, 200],
    };

    private readonly ErpFactory _factory;

    public RouteAccessTests(ErpFactory factory) => _factory = factory;

    [Fact]
    [Trait("Case", "APP-02")]
    public async Task EveryEndpoint_EveryRole_MatchesTheExpectedStatusTable()
    {
        _ = _factory.Server;
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var patterns = endpoints.Select(Pattern).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var unlisted = patterns.Where(p => !Expected.ContainsKey(p)).ToList();
        Assert.True(unlisted.Count == 0, "endpoints missing from the expected-status table: " + string.Join(", ", unlisted));
        var withoutPolicy = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAuthorizationRequirementData>() is null)
            .Select(Pattern).ToList();
        Assert.True(withoutPolicy.Count == 0, "endpoints without an explicit authorization policy: " + string.Join(", ", withoutPolicy));

        var ids = await DemoIdsAsync();
        var clients = new Dictionary<string, FormClient>(StringComparer.Ordinal) { ["anonymous"] = new FormClient(_factory) };
        foreach (var role in Roles.Skip(1))
        {
            var (email, password) = Erp.DemoAccount(role);
            clients[role] = await Erp.SignedInAsync(_factory, email, password);
        }

        var mismatches = new List<string>();
        foreach (var pattern in patterns)
        {
            var url = Url(pattern, ids);
            for (var i = 0; i < Roles.Length; i++)
            {
                using var response = await clients[Roles[i]].SendOnceAsync(HttpMethod.Get, url);
                if ((int)response.StatusCode != Expected[pattern][i])
                {
                    mismatches.Add($"{Roles[i]} GET {url}: expected {Expected[pattern][i]}, got {(int)response.StatusCode}");
                }

                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.StartsWith("/accounts/login/", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static string Pattern(RouteEndpoint endpoint) =>
        (endpoint.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant();

    /// <summary>The URL requested for <paramref name="pattern"/>: its parameters filled with existing demo rows.</summary>
    private static string Url(string pattern, DemoIds ids)
    {
        var id = pattern switch
        {
            _ when pattern.StartsWith("doctors", StringComparison.Ordinal) => ids.DoctorId,
            _ when pattern.StartsWith("admin/auth/user", StringComparison.Ordinal) => ids.PatientUserId,
            _ when pattern.StartsWith("admin/auth/group", StringComparison.Ordinal) => ids.StaffGroupId,
            _ => ids.PatientId,
        };
        return "/" + pattern
            .Replace("{id:int}", id, StringComparison.Ordinal)
            .Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{app}/{model}", "erp/patient", StringComparison.Ordinal)
            .Replace("{code:int}", "404", StringComparison.Ordinal)
            .Replace("{**name}", "_clinic/default-avatar.png", StringComparison.Ordinal);
    }

    /// <summary>House's id, the id and account of Ada (House's patient, the "patient" role), the group "Staff".</summary>
    private async Task<DemoIds> DemoIdsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var doctor = await db.Doctors.Where(d => d.User!.Email == DemoData.HouseEmail).Select(d => d.Id).SingleAsync();
        var patient = await db.Patients.Where(p => p.User!.Email == DemoData.Patients[0].Email).Select(p => new { p.Id, p.UserId }).SingleAsync();
        var group = await db.ClinicGroups.Where(g => g.Name == ClinicGroups.Staff).Select(g => g.Id).SingleAsync();
        return new DemoIds(Invariant(doctor), Invariant(patient.Id), patient.UserId, Invariant(group));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record DemoIds(string DoctorId, string PatientId, string PatientUserId, string StaffGroupId);
}
