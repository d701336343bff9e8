using System.Net;
using System.Text.RegularExpressions;
using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>The session middleware end to end over TestServer.</summary>
public sealed partial class SessionMiddlewareTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private IHost? _host;
    private InMemorySessionStore? _store;

    private IClinicSessionStore? _storeOverride;

    private Action<ClinicSessionOptions>? _configure;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _host?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpClient> ClientAsync()
    {
        _store = new InMemorySessionStore(_clock);
        _host = await TestHosts.StartAsync(
            s =>
            {
                s.AddClinicSessions(_configure);
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
                s.Replace(ServiceDescriptor.Singleton(_storeOverride ?? _store));
            },
            app =>
            {
                // What an app's exception handler does: an unhandled exception becomes a 500.
                app.Use(async (context, next) =>
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception) when (!context.Response.HasStarted)
                    {
                        context.Response.Clear();
                        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    }
                });
                app.UseClinicSessions();
                app.Run(Handle);
            });
        return _host.GetTestServer().CreateClient();
    }

    private static async Task Handle(HttpContext context)
    {
        var session = context.GetClinicSession();
        var query = context.Request.Query;
        switch (context.Request.Path.Value)
        {
            case "/write":
                context.Session.SetString(query["k"]!, query["v"]!);
                break;
            case "/read":
                await context.Response.WriteAsync(context.Session.GetString(query["k"]!) ?? "<none>");
                break;
            case "/cycle":
                await session.CycleKeyAsync();
                break;
            case "/flush":
                await session.FlushAsync();
                break;
            case "/expiry":
                session.SetExpiry(TimeSpan.FromSeconds(int.Parse(query["s"]!, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case "/fail":
                context.Session.SetString("k", "written-before-error");
                context.Response.StatusCode = int.Parse(query["status"]!, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "/throw":
                context.Session.SetString("k", "written-before-throw");
                throw new InvalidOperationException("boom");
            case "/slow-write":
                context.Session.SetString("slow", "1");
                await session.CommitAsync();
                break;
            default:
                await context.Response.WriteAsync("nothing");
                break;
        }
    }

    private static async Task<Result> Send(HttpClient client, string path, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path));
        if (key is not null)
        {
            request.Headers.Add("Cookie", "sessionid=" + key);
        }

        var response = await client.SendAsync(request);
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.SingleOrDefault() : null;
        return new Result(response.StatusCode, await response.Content.ReadAsStringAsync(), setCookie, response.Headers.Vary.ToArray());
    }

    private static string KeyOf(Result result)
    {
        Assert.NotNull(result.SetCookie);
        var match = SessionCookie().Match(result.SetCookie);
        Assert.True(match.Success, result.SetCookie);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("^sessionid=([a-z0-9]{32});")]
    private static partial Regex SessionCookie();

    [Fact]
    [Trait("Case", "SESS-02")]
    public async Task Request_NoSessionUse_NoCookieNoVary()
    {
        var client = await ClientAsync();
        var result = await Send(client, "/nothing");

        Assert.Null(result.SetCookie);
        Assert.Empty(result.Vary);
    }

    [Fact]
    public async Task Write_ThenRead_SameSessionWithDjangoCookieDefaults()
    {
        var client = await ClientAsync();
        var written = await Send(client, "/write?k=name&v=Zo%C3%AB");
        var key = KeyOf(written);

        Assert.Contains("max-age=1209600", written.SetCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", written.SetCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", written.SetCookie, StringComparison.Ordinal);
        Assert.Contains("Cookie", written.Vary);
        var read = await Send(client, "/read?k=name", key);
        Assert.Equal("Zoë", read.Body);
        Assert.Null(read.SetCookie);
        Assert.Contains("Cookie", read.Vary);
    }

    [Fact]
    [Trait("Case", "SESS-02")]
    public async Task UnknownKey_ReadOnly_CreatesNothingAndDropsCookie()
    {
        var client = await ClientAsync();
        var forged = SessionKeys.New();

        var result = await Send(client, "/read?k=x", forged);

        Assert.Equal("<none>", result.Body);
        Assert.StartsWith("sessionid=;", result.SetCookie, StringComparison.Ordinal);
        Assert.Null(await _store!.LoadAsync(forged, CancellationToken.None));
    }

    [Fact]
    [Trait("Case", "SESS-02")]
    [Trait("Case", "AUTH-01")]
    public async Task UnknownKey_Write_GetsFreshKeyNeverAdopted()
    {
        var client = await ClientAsync();
        var forged = SessionKeys.New();

        var key = KeyOf(await Send(client, "/write?k=a&v=1", forged));

        Assert.NotEqual(forged, key);
        Assert.Null(await _store!.LoadAsync(forged, CancellationToken.None));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("a/b/c")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ123456")]
    [InlineData("short")]
    [Trait("Case", "SESS-03")]
    public async Task MalformedCookie_TreatedAsAbsentNever500(string cookie)
    {
        var client = await ClientAsync();
        var result = await Send(client, "/write?k=a&v=1", cookie);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Matches(SessionCookie(), result.SetCookie!);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [Trait("Case", "SESS-06")]
    public async Task ErrorStatus_ModifiedSession_NotSaved(int status)
    {
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=k&v=original"));

        var failed = await Send(client, $"/fail?status={status}", key);

        Assert.Equal((HttpStatusCode)status, failed.Status);
        Assert.Null(failed.SetCookie);
        Assert.Equal("original", (await Send(client, "/read?k=k", key)).Body);
    }

    [Fact]
    [Trait("Case", "SESS-06")]
    public async Task HandlerThrows_ModifiedSession_NotSaved()
    {
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=k&v=original"));

        var failed = await Send(client, "/throw", key);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("original", (await Send(client, "/read?k=k", key)).Body);
    }

    [Fact]
    [Trait("Case", "AUTH-01")]
    public async Task CycleKey_KeepsDataNewKeyOldKeyDead()
    {
        var client = await ClientAsync();
        var old = KeyOf(await Send(client, "/write?k=cart&v=A"));

        var cycled = KeyOf(await Send(client, "/cycle", old));

        Assert.NotEqual(old, cycled);
        Assert.Equal("A", (await Send(client, "/read?k=cart", cycled)).Body);
        Assert.Equal("<none>", (await Send(client, "/read?k=cart", old)).Body);
        Assert.Null(await _store!.LoadAsync(old, CancellationToken.None));
    }

    [Fact]
    public async Task Flush_DeletesRecordAndCookie()
    {
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=a&v=1"));

        var flushed = await Send(client, "/flush", key);

        Assert.StartsWith("sessionid=;", flushed.SetCookie, StringComparison.Ordinal);
        Assert.Contains("max-age=0", flushed.SetCookie, StringComparison.Ordinal);
        Assert.Null(await _store!.LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    [Trait("Case", "SESS-04")]
    public async Task SetExpiry_IdleTimeout_ValidBeforeGoneAfter()
    {
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=a&v=1"));
        var expiry = await Send(client, "/expiry?s=60", key);
        Assert.Contains("max-age=60", expiry.SetCookie, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("1", (await Send(client, "/read?k=a", key)).Body);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("<none>", (await Send(client, "/read?k=a", key)).Body);
    }

    [Fact]
    public async Task SetExpiryZero_BrowserSessionCookie()
    {
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=a&v=1"));

        var result = await Send(client, "/expiry?s=0", key);

        Assert.DoesNotContain("max-age", result.SetCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires", result.SetCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveEveryRequest_ReadOnlyRequest_ExtendsExpiry()
    {
        _configure = o => { o.SaveEveryRequest = true; o.DefaultExpiry = TimeSpan.FromMinutes(10); };
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=a&v=1"));

        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Contains("max-age=600", (await Send(client, "/read?k=a", key)).SetCookie, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Equal("1", (await Send(client, "/read?k=a", key)).Body);
    }

    [Fact]
    [Trait("Case", "SESS-05")]
    public async Task ConcurrentLogout_LateWrite_Is400AndNotResurrected()
    {
        var store = new DeletingStore(new InMemorySessionStore(_clock));
        _storeOverride = store;
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=a&v=1"));

        // The record is deleted (a logout in another request) between this request's load and its save.
        store.DeleteAfterNextLoad = true;
        var late = await Send(client, "/write?k=b&v=2", key);

        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Null(await store.LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    [Trait("Case", "SESS-07")]
    public async Task StoreFailsOnSave_RequestFailsNotSilentlySaved()
    {
        var store = new DeletingStore(new InMemorySessionStore(_clock)) { FailWrites = true };
        _storeOverride = store;
        var client = await ClientAsync();

        var result = await Send(client, "/write?k=a&v=1");

        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
        Assert.Null(result.SetCookie);
    }

    [Fact]
    [Trait("Case", "SESS-07")]
    public async Task CommitAsync_StoreFails_ThrowsToTheApp()
    {
        var store = new DeletingStore(new InMemorySessionStore(_clock)) { FailWrites = true };
        _storeOverride = store;
        var client = await ClientAsync();

        var result = await Send(client, "/slow-write");

        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
    }

    [Fact]
    [Trait("Case", "SESS-05")]
    public async Task ParallelRequests_OneSession_NoneFailsRecordDecodesLastWriterWins()
    {
        var client = await ClientAsync();
        var key = KeyOf(await Send(client, "/write?k=base&v=0"));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Send(client, $"/write?k=k{i}&v={i}", key)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var record = await _store!.LoadAsync(key, CancellationToken.None);
        Assert.NotNull(record);
        using var json = System.Text.Json.JsonDocument.Parse(record.Data);

        // Documented semantics: each save replaces the whole record, so at least the last writer's key is there and
        // the pre-existing key survives; keys written concurrently by others may be lost.
        Assert.Equal("0", json.RootElement.GetProperty("base").GetString());
        var kept = json.RootElement.EnumerateObject().Count(p => p.Name.StartsWith('k'));
        Assert.InRange(kept, 1, 50);
    }

    private sealed record Result(HttpStatusCode Status, string Body, string? SetCookie, string[] Vary);

    private sealed class DeletingStore(IClinicSessionStore inner) : IClinicSessionStore
    {
        public bool DeleteAfterNextLoad { get; set; }

        public bool FailWrites { get; set; }

        public async Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken)
        {
            var record = await inner.LoadAsync(key, cancellationToken);
            if (DeleteAfterNextLoad)
            {
                DeleteAfterNextLoad = false;
                await inner.DeleteAsync(key, cancellationToken);
            }

            return record;
        }

        public Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken) =>
            FailWrites ? throw new IOException("store down") : inner.CreateAsync(record, cancellationToken);

        public Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken) =>
            FailWrites ? throw new IOException("store down") : inner.UpdateAsync(record, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) => inner.DeleteExpiredAsync(cancellationToken);
    }
}
