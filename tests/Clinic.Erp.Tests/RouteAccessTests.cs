using System.Globalization;
using System.Net;
using Clinic.Erp.Data;
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

        var (doctorId, patientId) = await DemoIdsAsync();
        var clients = new Dictionary<string, FormClient>(StringComparer.Ordinal) { ["anonymous"] = new FormClient(_factory) };
        foreach (var role in Roles.Skip(1))
        {
            var (email, password) = Erp.DemoAccount(role);
            clients[role] = await Erp.SignedInAsync(_factory, email, password);
        }

        var mismatches = new List<string>();
        foreach (var pattern in patterns)
        {
            var url = "/" + pattern
                .Replace("{id:int}", pattern.StartsWith("doctors", StringComparison.Ordinal) ? doctorId : patientId, StringComparison.Ordinal)
                .Replace("{code:int}", "404", StringComparison.Ordinal)
                .Replace("{**name}", "_clinic/default-avatar.png", StringComparison.Ordinal);
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

    /// <summary>House's id, and the id of Ada (House's patient, the "patient" role).</summary>
    private async Task<(string DoctorId, string PatientId)> DemoIdsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var doctor = await db.Doctors.Where(d => d.User!.Email == DemoData.HouseEmail).Select(d => d.Id).SingleAsync();
        var patient = await db.Patients.Where(p => p.User!.Email == DemoData.Patients[0].Email).Select(p => p.Id).SingleAsync();
        return (doctor.ToString(CultureInfo.InvariantCulture), patient.ToString(CultureInfo.InvariantCulture));
    }
}
