using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount.Tests;

public sealed class SessionVisitorTests
{
    [Fact]
    public async Task Get_UniqueVisitorsBySession_OneVisitorPerSessionCookie()
    {
        await using var app = await PageCountHost.StartAsync(
            s =>
            {
                s.AddDistributedMemoryCache();
                s.AddSession();
                s.AddClinicPageCount(o => o.UniqueVisitors = UniqueVisitorMode.Session);
            },
            a => a.MapGet("/page", (HttpContext context) =>
            {
                context.Session.SetString("seen", "yes");
                return "page";
            }).WithPageCount(),
            beforeCounting: a => a.UseSession());
        var client = app.GetTestClient();

        async Task<string?> VisitAsync(string? cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/page", UriKind.Relative));
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return response.Headers.TryGetValues("Set-Cookie", out var values) ? values.First().Split(';')[0] : cookie;
        }

        var first = await VisitAsync(null);
        await VisitAsync(first);
        await VisitAsync(first);
        var second = await VisitAsync(null);
        await VisitAsync(second);

        var counts = app.Services.GetRequiredService<IPageCounts>();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.True(await counts.FlushAsync());
        Assert.Equal(2, await counts.GetUniqueVisitorsAsync("/page", today));
        Assert.Equal(5, (await counts.GetAsync("/page")).Views);
    }
}
