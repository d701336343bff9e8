using Clinic.CookiesSessions;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// Clinic.Signals: the scoped dispatcher, model signals on the sample's one DbContext, request signals below.
builder.Services.AddClinicSignals();
builder.Services.AddDbContext<ErpDbContext>((services, options) => options
    .UseSqlite(DatabaseSetup.SqliteConnectionString(builder))
    .UseClinicSignals(services));

// Data Protection signs the signed cookies: its keys live on disk so cookies survive a restart.
builder.Services.AddDataProtection()
    .SetApplicationName("Clinic.Erp")
    .PersistKeysToFileSystem(new DirectoryInfo(DatabaseSetup.DataProtectionKeysFolder(builder)));

// Clinic.CookiesSessions: server-side sessions in the sample's database, cookie helpers with the Data Protection signer.
builder.Services.AddClinicSessions().UseEntityFrameworkStore<ErpDbContext>();
builder.Services.AddClinicCookies();

// Clinic.Users: Identity with Django's user flags, permissions and password rules, stored in the sample's context.
builder.Services.AddClinicUsers<ErpUser, ErpDbContext>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/accounts/login/";
    options.LogoutPath = "/accounts/logout/";
});
builder.Services.AddRazorPages();
// Links come from page names (asp-page); these options make them read /cookies/, as the issue spells the URLs.
builder.Services.Configure<RouteOptions>(options =>
{
    options.LowercaseUrls = true;
    options.AppendTrailingSlash = true;
});
builder.Services.AddHealthChecks().AddDbContextCheck<ErpDbContext>();

// Only proxies named in configuration (default: none but loopback) may set the client address and scheme.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in builder.Configuration.GetSection("Erp:TrustedProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});

var app = builder.Build();

// `dotnet run -- createsuperuser --email ADDRESS`: migrate, create the superuser, exit without serving.
if (CreateSuperuserCommand.IsRequested(args))
{
    Environment.ExitCode = await app.RunCreateSuperuserAsync(args);
    return;
}

app.UseForwardedHeaders();
app.UseClinicRequestSignals();
app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseStaticFiles();
app.UseClinicSessions();
app.UseRouting();

// After sessions and routing: the sign-in cookie is checked on every request, then the endpoint's permissions.
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/healthz");
app.MapRazorPages();

await app.MigrateAndSeedAsync();
await app.RunAsync();

/// <summary>The sample's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
