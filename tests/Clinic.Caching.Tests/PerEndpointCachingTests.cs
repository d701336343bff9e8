using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clinic.Caching.Tests;

public sealed class PerEndpointCachingTests
{
    private static void Pages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/plain", () => "plain " + renders.Next("plain"));
        app.MapGet("/short", (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "max-age=3600";
            return "short " + renders.Next("short");
        }).CachePage(TimeSpan.FromSeconds(30), "shortprefix");
        app.MapGet("/attributed", [CachePage(20)] () => "attributed " + renders.Next("attributed"));
        app.MapGet("/private", (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "private";
            return "private " + renders.Next("private");
        }).CachePage(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task CachePage_DurationReplacesTheResponseMaxAge()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        using var first = await host.GetAsync("/short");
        Assert.Equal(TimeSpan.FromSeconds(30), first.Headers.CacheControl!.MaxAge);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("short 1", await host.GetStringAsync("/short"));
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("short 2", await host.GetStringAsync("/short"));
    }

    [Fact]
    public async Task CachePageAttribute_OnTheHandler_SetsTheDuration()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        await host.GetStringAsync("/attributed");
        host.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal("attributed 1", await host.GetStringAsync("/attributed"));
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("attributed 2", await host.GetStringAsync("/attributed"));
    }

    [Fact]
    public async Task SiteWideOff_OnlyMarkedEndpointsAreCached()
    {
        await using var host = await CachingTestHost.StartAsync(Pages, o => o.SiteWide = false);
        await host.GetStringAsync("/plain");
        await host.GetStringAsync("/attributed");
        Assert.Equal("plain 2", await host.GetStringAsync("/plain"));
        Assert.Equal("attributed 1", await host.GetStringAsync("/attributed"));
    }

    [Fact]
    public async Task CachePage_SafetyRulesStillApply()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        await host.GetStringAsync("/private");
        Assert.Equal("private 2", await host.GetStringAsync("/private"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a|b")]
    public void CachePage_BadTag_Throws(string tag)
    {
        var error = Assert.Throws<ArgumentException>(() => new CachePageAttribute(10) { Tags = [tag] });
        Assert.Contains("contains '|'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CachePage_ZeroSeconds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachePageAttribute(0));
    }
}
