using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.CookiesSessions.Tests;

/// <summary>The README's snippets, compiled (and the builder calls exercised) so the README cannot rot.</summary>
public sealed class ReadmeSnippets
{
    private static void Cookies(WebApplication app) =>
        app.MapGet("/theme/{name}", (HttpContext http, string name) =>
        {
            http.Response.SetCookie("theme", name, new CookieSettings { MaxAge = TimeSpan.FromDays(365) });
            var previous = http.Request.GetCookie("theme");
            http.Response.DeleteCookie("old-theme");
            return previous;
        });

    private static string? SignedCookies(HttpContext http)
    {
        http.Response.SetSignedCookie("visits", "3", salt: "counter");
        string? visits = http.Request.GetSignedCookie("visits", salt: "counter", maxAge: TimeSpan.FromDays(1));
        SignedCookieResult why = http.Request.ReadSignedCookie("visits", "counter");
        return visits ?? why.Status.ToString();
    }

    private static void Sessions(WebApplication app) =>
        app.MapPost("/cart/{id:int}", async (HttpContext http, int id) =>
        {
            var session = http.GetClinicSession();
            var cart = session.GetJson<List<int>>("cart") ?? [];
            cart.Add(id);
            session.SetJson("cart", cart);
            session.SetExpiry(TimeSpan.FromHours(2));
            await session.CommitAsync();
        });

    private static async Task Rotation(HttpContext http)
    {
        await http.GetClinicSession().CycleKeyAsync();
        await http.GetClinicSession().FlushAsync();
    }

    [Fact]
    public void DjangoSigningSnippet_RunsAsDocumented()
    {
        const string secretKey = "new-secret";
        const string oldSecretKey = "old-secret";
        var signer = new TimestampSigner(secretKey, salt: "invite", fallbackKeys: [oldSecretKey]);
        string token = signer.Sign("user-42");
        string user = signer.Unsign(token, maxAge: TimeSpan.FromDays(3));

        string dumped = CookiesSessions.Signing.Dumps(new { id = 42 }, secretKey, compress: true);
        var loaded = CookiesSessions.Signing.Loads<Dictionary<string, int>>(dumped, secretKey);

        Assert.Equal("user-42", user);
        Assert.Equal(42, loaded!["id"]);
    }

    [Fact]
    public void RegistrationSnippets_BuildAnApp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Django:SecretKey"] = "k";
        builder.Configuration["Django:OldSecretKey"] = "o";
        builder.Services.AddClinicSessions();
        builder.Services.AddClinicCookies().UseDjangoCookieSigner(o =>
        {
            o.SecretKey = builder.Configuration["Django:SecretKey"]!;
            o.SecretKeyFallbacks.Add(builder.Configuration["Django:OldSecretKey"]!);
        });
        using var app = builder.Build();
        app.UseClinicSessions();
        Cookies(app);
        Sessions(app);

        Assert.NotNull(app.Services.GetRequiredService<ICookieSigner>());
        _ = (Func<HttpContext, string?>)SignedCookies;
        _ = (Func<HttpContext, Task>)Rotation;
    }
}
