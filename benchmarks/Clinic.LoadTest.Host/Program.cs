using Clinic.LoadTest.Host;
using Clinic.LoadTest.Host.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddRazorComponents();

builder.AddPageCountScenario();
builder.AddCachingScenario();
var app = builder.Build();
app.UsePageCountScenario();
app.UseCachingScenario();
app.UseSessionsScenario();

// The "rendering" scenario: the same page as precomputed bytes (the floor) and rendered on every request.
var precomputedPage = await RenderOnceAsync(app.Services);
app.MapGet("/plain", () => Results.Bytes(precomputedPage, "text/html; charset=utf-8"));
app.MapGet("/rendered", () => new RazorComponentResult<DoctorsPage>());
app.MapGet("/healthz", () => "ok");

await app.RunAsync();

static async Task<byte[]> RenderOnceAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
    var html = await renderer.Dispatcher.InvokeAsync(async () =>
        (await renderer.RenderComponentAsync<DoctorsPage>()).ToHtmlString());
    return System.Text.Encoding.UTF8.GetBytes(html);
}
