using Clinic.Caching;
using Clinic.CookiesSessions;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.PageCount;
using Clinic.Profiles;
using Clinic.Signals;
using Clinic.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);

// Clinic.Signals: the scoped dispatcher, model signals on the sample's one DbContext (SQLite, or PostgreSQL when
// Erp:Database says so), request signals below.
builder.Services.AddClinicSignals();
builder.AddErpDatabase();

// Data Protection signs the signed cookies: its keys live on disk so cookies survive a restart.
builder.Services.AddDataProtection()
    .SetApplicationName("Clinic.Erp")
    .PersistKeysToFileSystem(new DirectoryInfo(DatabaseSetup.DataProtectionKeysFolder(builder)));

// Clinic.CookiesSessions (server-side sessions) and Clinic.Caching (the doctor list, per URL): in the database and in
// memory, or both in Redis when ConnectionStrings:Redis is set. Only pages marked [CachePage] are cached.
builder.AddErpSessionsAndCache(options => options.SiteWide = false);
builder.Services.AddClinicCookies();
builder.Services.AddSignalReceiver<PostSaveArgs<Doctor>, DoctorListCacheInvalidation>();
builder.Services.AddSignalReceiver<PostDeleteArgs<Doctor>, DoctorListCacheInvalidation>();
builder.Services.AddSignalReceiver<PostSaveArgs<Patient>, DoctorListCacheInvalidation>();
builder.Services.AddSignalReceiver<PostDeleteArgs<Patient>, DoctorListCacheInvalidation>();
builder.Services.AddSignalReceiver<PostSaveArgs<ErpUser>, DoctorListCacheInvalidation>();

// Clinic.Users: Identity with Django's user flags, permissions and password rules, stored in the sample's context.
// Sign-in at /accounts/login/, sign-out at /accounts/logout/ and a 403 (not a redirect) for a signed-in user without the
// permission are the package's defaults (Django's), so the cookie needs no configuration here.
// AddAdmin: Django's admin for users, groups, permissions and the sample's doctors and patients (ErpAdmin).
builder.Services.AddClinicUsers<ErpUser, ErpDbContext>().AddAdmin(ErpAdmin.Register);
// Registered after AddClinicUsers: hosted services start in order, so the permissions exist when the groups are made.
builder.Services.AddHostedService<ClinicGroupsSetup>();
builder.Services.AddSignalReceiver<PostSaveArgs<Doctor>, AddToRoleGroup>();
builder.Services.AddSignalReceiver<PostSaveArgs<Patient>, AddToRoleGroup>();
builder.Services.AddScoped<ClinicAccess>();
builder.Services.AddScoped<Registration>();

// Clinic.Profiles: a profile per user (created by a signal), pictures kept outside the web root under App_Data/media.
builder.Services.AddClinicProfiles(options => options.MediaRoot = DatabaseSetup.MediaFolder(builder))
    .UseEntityFrameworkStore<ErpDbContext, ErpUser>();

// Clinic.PageCount: views of the pages marked [PageCount], written behind to the sample's database every second.
builder.Services.AddClinicPageCount().UseEntityFrameworkStore<ErpDbContext>();

builder.Services.AddRazorPages(options =>
{
    // Pages written before the default-deny policy, open to everybody.
    options.Conventions.AllowAnonymousToPage("/Index");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/Cookies/Index");
    options.Conventions.AllowAnonymousToPage("/Session/Index");
    options.Conventions.AllowAnonymousToPage("/Accounts/Login");
    options.Conventions.AllowAnonymousToPage("/Accounts/Logout");
    options.Conventions.AuthorizePage("/Accounts/Password/Change");
});
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

// 403, 404 and other empty error responses are rendered by Pages/Status (the site's look, the same status code).
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseClinicSessions();
app.UseRouting();
// Page counts before the cache, so a page served from the cache still counts.
app.UseClinicPageCount();

// After sessions and routing: the sign-in cookie is checked on every request. Signed-in pages are never stored by
// anyone (no-store) and bypass the page cache, which sits after authentication for that reason (APP-03).
app.UseAuthentication();
app.UseNoStoreForSignedInUsers();
app.UseClinicCaching();
app.UseAuthorization();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapClinicMedia().RequireAuthorization();
// Default deny (SECURITY.md APP-02): every page needs a signed-in user unless it says [AllowAnonymous] (or a
// convention above does); pages add their permission with [RequirePermission]. Unknown URLs stay a plain 404.
app.MapRazorPages().RequireAuthorization();
// The admin panel at /admin/ (its own access checks: active staff only, then the model permission of each screen).
// Mapped in a group only to state the same default-deny policy on its endpoints: anonymous visitors are sent to the
// sign-in page before the admin's own filter runs.
app.MapGroup(string.Empty).RequireAuthorization().MapClinicAdmin();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The sample's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
