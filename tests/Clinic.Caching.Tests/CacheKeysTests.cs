using Clinic.Caching.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Tests;

public sealed class CacheKeysTests
{
    private static readonly CacheKeys Keys = new(
        Options.Create(new CachingOptions { KeyPrefix = "app:" }),
        new DistributedResponseCacheStore(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), TimeProvider.System, TestMetrics.Create()));

    private static string PageKey(Action<HttpRequest> setup, params string[] vary)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("example.com");
        context.Request.Path = "/doctors";
        setup(context.Request);
        Span<char> hash = stackalloc char[Keys.UrlPartLength(context.Request)];
        Keys.WriteUrlPart(context.Request, hash);
        var record = new VaryRecord(vary, "0123456789abcdef");
        var key = new char[Keys.PageKeyLength(null, "GET", record, hash.Length)];
        Keys.WritePageKey(null, "GET", hash, record, context.Request, key);
        return new string(key);
    }

    [Fact]
    [Trait("Case", "CACHE-05")]
    public void PageKey_VariedHeaderAbsentVersusEmpty_Differ()
    {
        var absent = PageKey(_ => { }, "x-tenant");
        var empty = PageKey(r => r.Headers["X-Tenant"] = "", "x-tenant");
        Assert.NotEqual(absent, empty);
    }

    [Fact]
    public void PageKey_NoVary_IsStableAndPrefixed()
    {
        var key = PageKey(_ => { });
        Assert.Equal(key, PageKey(_ => { }));
        Assert.StartsWith("app::p:GET:", key, StringComparison.Ordinal);
        Assert.EndsWith(":0123456789abcdef:" + new string('-', 32), key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http", "example.com", "/doctors", "")]
    [InlineData("https", "example.org", "/doctors", "")]
    [InlineData("https", "example.com:8443", "/doctors", "")]
    [InlineData("https", "example.com", "/Doctors", "")]
    [InlineData("https", "example.com", "/doctors", "?page=2")]
    public void PageKey_AnyUrlPartDiffers_KeyDiffers(string scheme, string host, string path, string query)
    {
        var baseline = PageKey(_ => { });
        var other = PageKey(r =>
        {
            r.Scheme = scheme;
            r.Host = new HostString(host);
            r.Path = path;
            r.QueryString = new QueryString(query);
        });
        Assert.NotEqual(baseline, other);
    }

    [Fact]
    public void PageKey_MultipleHeaderValues_DifferFromTheirConcatenation()
    {
        var two = PageKey(r => r.Headers["X-A"] = new[] { "a", "b" }, "x-a");
        var joined = PageKey(r => r.Headers["X-A"] = "ab", "x-a");
        Assert.NotEqual(two, joined);
    }

    [Fact]
    public void HashUrl_RequestAndStringForms_Agree()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("example.com");
        context.Request.PathBase = "/app";
        context.Request.Path = "/doctors";
        context.Request.QueryString = new QueryString("?a=1");
        Span<char> fromRequest = stackalloc char[CacheKeys.HashLength];
        Span<char> fromString = stackalloc char[CacheKeys.HashLength];
        CacheKeys.HashUrl(context.Request, fromRequest);
        CacheKeys.HashUrl(CacheKeys.BuildUrl(context.Request), fromString);
        Assert.Equal("https://example.com/app/doctors?a=1", CacheKeys.BuildUrl(context.Request));
        Assert.True(fromRequest.SequenceEqual(fromString));
    }

    [Fact]
    public void UrlPart_InProcessStore_IsTheUrlItself()
    {
        using var store = new MemoryResponseCacheStore(Options.Create(new CachingOptions()), TimeProvider.System, TestMetrics.Create());
        var keys = new CacheKeys(Options.Create(new CachingOptions()), store);
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("example.com");
        context.Request.Path = "/doctors";
        context.Request.QueryString = new QueryString("?a=1");
        var part = new char[keys.UrlPartLength(context.Request)];
        keys.WriteUrlPart(context.Request, part);
        Assert.True(keys.RawUrls);
        Assert.Equal("https://example.com/doctors?a=1", new string(part));
        Assert.Equal("https://example.com/doctors?a=1", keys.UrlPart("https://example.com/doctors?a=1"));
        Assert.Equal(32, Keys.UrlPart("https://example.com/doctors?a=1").Length);
    }
}
