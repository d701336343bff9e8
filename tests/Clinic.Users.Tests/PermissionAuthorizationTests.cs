using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>[RequirePermission] and .RequirePermission(...) through the real authorization middleware.</summary>
public sealed class PermissionAuthorizationTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s => s.AddControllers().AddApplicationPart(typeof(PatientsController).Assembly),
            pipeline: app =>
            {
                app.MapPermissionEndpoints();
                app.MapControllers();
            });
        await _host.CreateGroupAsync("Doctors", "erp.view_patient");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/patients")]
    [InlineData("/mvc/patients")]
    public async Task Get_Anonymous_IsChallenged(string path)
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/accounts/login/?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/patients")]
    [InlineData("/mvc/patients")]
    public async Task Get_SignedInWithoutPermission_IsForbidden(string path)
    {
        await _host.CreateUserAsync("nobody@example.com");
        using var client = await SignedInClient("nobody@example.com");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/patients", "patients")]
    [InlineData("/mvc/patients", "mvc patients")]
    public async Task Get_SignedInWithGroupPermission_IsAllowed(string path, string body)
    {
        var user = await _host.CreateUserAsync("doc@example.com");
        await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().AddToGroupAsync(user, "Doctors"));
        using var client = await SignedInClient("doc@example.com");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/patients/discharge")]
    [InlineData("/mvc/patients/edit")]
    public async Task Get_HoldsOnlySomeRequiredPermissions_IsForbidden(string path)
    {
        var user = await _host.CreateUserAsync("half@example.com");
        await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().AddToGroupAsync(user, "Doctors"));
        using var client = await SignedInClient("half@example.com");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    [Trait("Case", "PERM-01")]
    public async Task Get_RemovedFromGroup_IsForbiddenOnTheNextRequest()
    {
        var user = await _host.CreateUserAsync("revoked@example.com");
        await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().AddToGroupAsync(user, "Doctors"));
        using var client = await SignedInClient("revoked@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients")).StatusCode);

        await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().RemoveFromGroupAsync(user, "Doctors"));
        var response = await client.GetAsync("/patients");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void RequirePermission_NoPermission_ThrowsWithHint()
    {
        var error = Assert.Throws<ArgumentException>(() => new RequirePermissionAttribute());

        Assert.Contains("erp.view_patient", error.Message, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInClient(string email)
    {
        var client = _host.CreateClient();
        var response = await client.PostAsync($"/test/impersonate?email={Uri.EscapeDataString(email)}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
