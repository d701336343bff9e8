using Clinic.Erp.Data;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ErpDbContext>(options =>
    options.UseSqlite(DatabaseSetup.SqliteConnectionString(builder)));
builder.Services.AddRazorPages();
builder.Services.AddHealthChecks().AddDbContextCheck<ErpDbContext>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseStaticFiles();
app.UseRouting();
app.MapHealthChecks("/healthz");
app.MapRazorPages();

await app.MigrateAndSeedAsync();
await app.RunAsync();

/// <summary>The sample's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
