using System.Net;
using System.Net.Http.Json;
using Clinic.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

/// <summary>UPL-08: a user changes only their own picture, and only with the antiforgery token.</summary>
[Trait("Case", "UPL-08")]
public sealed class ProfilePictureEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _ann = null!;
    private string _bob = null!;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_temp.Path, "app.db");
        _app = await ProfilesTestHost.StartAsync(
            o => o.MediaRoot = _temp.MediaRoot,
            services =>
            {
                services.AddClinicSignals();
                services.AddDbContext<ProfilesTestDbContext>((sp, o) => o.UseSqlite($"Data Source={database};Pooling=False").UseClinicSignals(sp));
                new ClinicProfilesBuilder(services).UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>();
                services.AddAuthentication(TestAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
                services.AddAuthorization();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet("/token", (HttpContext context, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(context).RequestToken!);
                app.MapClinicProfilePicture<ClinicProfile>("/account/picture");
            });
        _client = _app.GetTestClient();
        await using var scope = _app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
        await context.Database.EnsureCreatedAsync();
        var ann = new ClinicUser { UserName = "ann@example.com", NormalizedUserName = "ANN@EXAMPLE.COM" };
        var bob = new ClinicUser { UserName = "bob@example.com", NormalizedUserName = "BOB@EXAMPLE.COM" };
        context.Users.AddRange(ann, bob);
        await context.SaveChangesAsync();
        (_ann, _bob) = (ann.Id, bob.Id);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Post_OwnPictureWithForeignUserIdInForm_OnlyOwnProfileChanges()
    {
        var (token, cookie) = await TokenAsync(_ann);

        using var response = await PostAsync(_ann, token, cookie, TestImages.Jpeg(100, 100, SKColors.Red), ("userId", _bob), ("UserId", _bob));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<ProfilePictureResult>();
        Assert.StartsWith("/media/profiles/", result!.PictureUrl, StringComparison.Ordinal);
        var (ann, bob) = await ProfilesAsync();
        Assert.NotNull(ann.PictureName);
        Assert.Equal("/media/" + ann.PictureName, result.PictureUrl);
        Assert.Null(bob.PictureName);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Forbidden()
    {
        var (_, cookie) = await TokenAsync(_ann);

        using var response = await PostAsync(_ann, token: null, cookie, TestImages.Jpeg(100, 100, SKColors.Red));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (ann, _) = await ProfilesAsync();
        Assert.Null(ann.PictureName);
    }

    [Fact]
    public async Task Post_AnotherUsersToken_Forbidden()
    {
        var (token, cookie) = await TokenAsync(_ann);

        using var response = await PostAsync(_bob, token, cookie, TestImages.Jpeg(100, 100, SKColors.Red));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (ann, bob) = await ProfilesAsync();
        Assert.Null(ann.PictureName);
        Assert.Null(bob.PictureName);
    }

    [Fact]
    public async Task Post_Anonymous_Unauthorized()
    {
        var (token, cookie) = await TokenAsync(null);

        using var response = await PostAsync(null, token, cookie, TestImages.Jpeg(100, 100, SKColors.Red));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task Post_HtmlNamedPng_BadRequestWithMessage()
    {
        var (token, cookie) = await TokenAsync(_ann);

        using var response = await PostAsync(_ann, token, cookie, "<html><script>alert(1)</script></html>"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTML", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "UPL-03")]
    public async Task Post_FileOverTheLimit_PayloadTooLarge()
    {
        var (token, cookie) = await TokenAsync(_ann);

        using var response = await PostAsync(_ann, token, cookie, new byte[ClinicProfilesDefaults.MaxImageBytes + (128 * 1024)]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<(string Token, string Cookie)> TokenAsync(string? userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/token");
        if (userId is not null)
        {
            request.Headers.Add(TestAuthenticationHandler.Header, userId);
        }

        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (await response.Content.ReadAsStringAsync(), cookie);
    }

    private Task<HttpResponseMessage> PostAsync(string? userId, string? token, string cookie, byte[] picture, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(picture), "picture", "avatar.png");
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/account/picture") { Content = form };
        request.Headers.Add("Cookie", cookie);
        if (userId is not null)
        {
            request.Headers.Add(TestAuthenticationHandler.Header, userId);
        }

        return _client.SendAsync(request);
    }

    private async Task<(ClinicProfile Ann, ClinicProfile Bob)> ProfilesAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.AsNoTracking();
        return (await profiles.SingleAsync(p => p.UserId == _ann), await profiles.SingleAsync(p => p.UserId == _bob));
    }
}
