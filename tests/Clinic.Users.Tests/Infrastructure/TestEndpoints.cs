using Clinic.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>Endpoints the HTTP tests call.</summary>
public static class TestEndpoints
{
    /// <summary>Test-only sign-in without a password, and the pages the permission tests protect.</summary>
    public static void MapPermissionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/test/impersonate", async (string email, HttpContext http) =>
        {
            var users = http.RequestServices.GetRequiredService<ClinicUserManager<TestUser>>();
            var signIn = http.RequestServices.GetRequiredService<SignInManager<TestUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                return Results.NotFound();
            }

            await signIn.SignInAsync(user, isPersistent: false);
            return Results.Ok();
        });
        endpoints.MapGet("/patients", () => "patients").RequirePermission("erp.view_patient");
        endpoints.MapGet("/patients/discharge", () => "discharge").RequirePermission("erp.view_patient", "erp.discharge_patient");
        endpoints.MapGet("/profile", (HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Results.Ok(http.User.Identity.Name) : Results.Unauthorized());
    }
}
