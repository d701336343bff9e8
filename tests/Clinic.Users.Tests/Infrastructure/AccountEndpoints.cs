using System.ComponentModel.DataAnnotations;
using System.Net;
using Clinic.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>A tiny account app over <see cref="ClinicAccountService{TUser}"/>, as a sample would write it.</summary>
public static class AccountEndpoints
{
    public const string TrustedProxy = "10.0.0.5";

    public static void AddAccountApp(IServiceCollection services)
    {
        services.AddAntiforgery();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Add(IPAddress.Parse(TrustedProxy));
        });
    }

    /// <summary>Middleware placed before routing: the connection address comes from a test header (default: the trusted proxy), then forwarded headers apply.</summary>
    public static void UseTestConnection(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var raw = context.Request.Headers["X-Test-Connection-Ip"].ToString();
            context.Connection.RemoteIpAddress = IPAddress.Parse(string.IsNullOrEmpty(raw) ? TrustedProxy : raw);
            return next(context);
        });
        app.UseForwardedHeaders();
    }

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!);
        app.MapGet("/profile", (HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Results.Text(http.User.Identity.Name) : Results.Unauthorized());
        app.MapPost("/login", async ([FromForm] LoginViewModel model, ClinicAccountService<TestUser> account) =>
            Valid(model) is { } invalid ? invalid : Reply(await account.SignInAsync(model)));
        app.MapPost("/register", async ([FromForm] RegisterViewModel model, ClinicAccountService<TestUser> account) =>
            Valid(model) is { } invalid ? invalid : Reply(await account.RegisterAsync(model)));
        app.MapPost("/password/change", async ([FromForm] ChangePasswordViewModel model, HttpContext http, ClinicAccountService<TestUser> account) =>
            Valid(model) is { } invalid ? invalid : Reply(await account.ChangePasswordAsync(http.User, model)));
        app.MapPost("/password/set", async (string email, [FromForm] SetPasswordViewModel model, HttpContext http, ClinicUserManager<TestUser> users, ClinicAccountService<TestUser> account) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return Results.Unauthorized();
            }

            var user = await users.FindByEmailAsync(email);
            return user is null ? Results.NotFound() : Valid(model) ?? Reply(await account.SetPasswordAsync(user, model, http.User));
        });
        app.MapPost("/password/reset", async ([FromForm] PasswordResetRequestViewModel model, ClinicAccountService<TestUser> account) =>
            Valid(model) ?? Reply(await account.RequestPasswordResetAsync(model, (id, token) => $"https://clinic.test/reset?uid={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}")));
        app.MapPost("/password/reset/confirm", async (string uid, string token, [FromForm] SetPasswordViewModel model, ClinicAccountService<TestUser> account) =>
            Valid(model) ?? Reply(await account.ResetPasswordAsync(uid, token, model)));
        app.MapPost("/logout", async ([FromForm] LogoutForm form, ClinicAccountService<TestUser> account) =>
        {
            await account.SignOutAsync();
            return Results.Text("ok");
        });
    }

    private static IResult? Valid(object model)
    {
        var errors = new List<ValidationResult>();
        return Validator.TryValidateObject(model, new ValidationContext(model), errors, validateAllProperties: true)
            ? null
            : Results.BadRequest(string.Join(" ", errors.Select(e => e.ErrorMessage)));
    }

    private static IResult Reply(AccountResult result) =>
        Results.Text(result.Succeeded ? "ok" : "error: " + string.Join(" | ", result.Errors.Select(e => e.Message)));

    public sealed class LogoutForm
    {
        public string? Next { get; set; }
    }
}
