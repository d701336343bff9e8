using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Clinic.Erp.Data;
using Clinic.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Clinic.Erp.Tests;

/// <summary>
/// The profile page over HTTP: the user form and the profile form posted together as multipart with a picture the
/// test draws, saved together or not at all, the picture served under /media with nosniff, and only ever the
/// signed-in user's own profile.
/// </summary>
public sealed partial class ProfilePageTests : IDisposable
{
    private const string ProfileUrl = "/accounts/profile/";
    private const string Login = "/accounts/login/";

    private readonly ErpFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Anonymous_SentToSignIn()
    {
        using var client = new FormClient(_factory);

        var (status, html) = await client.GetAsync(ProfileUrl);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("clinic-users-login", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Profile.Picture\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SignedIn_BothFormsOneMultipartFormDefaultAvatarAndNoStore()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, ProfileUrl);
        request.Headers.Add("Cookie", CookieHeader(client));

        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a signed-in page must not be stored");
        Assert.Single(FormPattern().Matches(html));
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DemoData.HouseEmail}\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Account.FirstName\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Profile.Picture\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/media/_clinic/default-avatar.png\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task Post_BothFormsValidWithPng_SavedAndPictureServedWithNosniff()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);

        var (status, html) = await PostAsync(client, DemoData.HouseEmail, "Greg", "House M.D.", Png(300, 200));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"profile-saved\"", html, StringComparison.Ordinal);
        var (user, profile) = await ReadAsync(DemoData.HouseEmail);
        Assert.Equal(("Greg", "House M.D."), (user.FirstName, user.LastName));
        Assert.NotNull(profile.PictureName);
        Assert.Contains($"src=\"/media/{profile.ThumbnailName}\"", html, StringComparison.Ordinal);

        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/" + profile.PictureName);
        request.Headers.Add("Cookie", CookieHeader(client));
        using var media = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("nosniff", Assert.Single(media.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("image/jpeg", media.Content.Headers.ContentType?.MediaType);
        using var codec = SKCodec.Create(new MemoryStream(await media.Content.ReadAsByteArrayAsync()));
        Assert.Equal((300, 200), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public async Task Post_InvalidAddressWithValidPicture_NothingSavedErrorNextToTheField()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);

        var (status, html) = await PostAsync(client, "not-an-address", "Greg", "Changed", Png(64, 64));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("data-valmsg-for=\"Account.Email\"[^>]*>Enter a valid email address.<", html);
        // Shown once although both model binding and the editor found it (the other occurrence is the input's data-val-email).
        Assert.Equal(1, Regex.Count(html, ">Enter a valid email address.<"));
        Assert.Contains("value=\"Changed\"", html, StringComparison.Ordinal);
        var (user, profile) = await ReadAsync(DemoData.HouseEmail);
        Assert.Equal("House", user.LastName);
        Assert.Null(profile.PictureName);
        Assert.Empty(StoredPictures());
    }

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task Post_SvgAsPictureWithValidNames_NothingSavedErrorNextToThePicture()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var (status, html) = await PostAsync(client, DemoData.HouseEmail, "Greg", "Changed", svg);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("data-valmsg-for=\"Profile.Picture\"[^>]*>[^<]+<", html);
        var (user, profile) = await ReadAsync(DemoData.HouseEmail);
        Assert.Equal("House", user.LastName);
        Assert.Null(profile.PictureName);
        Assert.Empty(StoredPictures());
    }

    [Fact]
    [Trait("Case", "UPL-03")]
    public async Task Post_PictureOverTheLimit_RefusedWithAMessageAndNothingSaved()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);
        var oversized = new byte[ClinicProfilesDefaults.MaxImageBytes + 1];
        Png(64, 64).CopyTo(oversized, 0);

        var (status, html) = await PostAsync(client, DemoData.HouseEmail, "Greg", "Changed", oversized);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("data-valmsg-for=\"Profile.Picture\"[^>]*>[^<]+<", html);
        var (user, profile) = await ReadAsync(DemoData.HouseEmail);
        Assert.Equal("House", user.LastName);
        Assert.Null(profile.PictureName);
    }

    [Fact]
    [Trait("Case", "UPL-03")]
    public async Task Post_BodyOverTheRequestLimit_ClientErrorNotServerError()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);

        var (status, _) = await PostAsync(client, DemoData.HouseEmail, "Greg", "Changed", new byte[(int)Pages.Accounts.ProfilePageLimits.MaxRequestBytes + 1]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("House", (await ReadAsync(DemoData.HouseEmail)).User.LastName);
    }

    [Fact]
    [Trait("Case", "UPL-08")]
    public async Task Post_AnotherUsersIdInTheForm_OnlyOwnProfileChanges()
    {
        var (grey, _) = await ReadAsync(DemoData.GreyEmail);
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);

        var (status, _) = await PostAsync(client, DemoData.HouseEmail, "Greg", "House", Png(64, 64),
            [new("userId", grey.Id), new("Profile.UserId", grey.Id), new("Account.Id", grey.Id), new("UserId", grey.Id)]);

        Assert.Equal(HttpStatusCode.OK, status);
        var (_, greyProfile) = await ReadAsync(DemoData.GreyEmail);
        var (house, houseProfile) = await ReadAsync(DemoData.HouseEmail);
        Assert.Null(greyProfile.PictureName);
        Assert.NotNull(houseProfile.PictureName);
        Assert.Equal("Greg", house.FirstName);
        Assert.Equal("Meredith", (await ReadAsync(DemoData.GreyEmail)).User.FirstName);
    }

    [Fact]
    [Trait("Case", "UPL-08")]
    public async Task Post_WithoutAntiforgeryToken_RefusedAndNothingSaved()
    {
        using var client = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var content = Multipart(DemoData.HouseEmail, "Forged", "Forged", Png(64, 64), token: null, extra: []);
        using var request = new HttpRequestMessage(HttpMethod.Post, ProfileUrl) { Content = content };
        request.Headers.Add("Cookie", CookieHeader(client));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (user, profile) = await ReadAsync(DemoData.HouseEmail);
        Assert.Equal("Gregory", user.FirstName);
        Assert.Null(profile.PictureName);
    }

    private async Task<FormClient> SignInAsync(string email, string password)
    {
        var client = new FormClient(_factory);
        await client.PostFormAsync(Login, string.Empty, [new("Email", email), new("Password", password)]);
        var (_, html) = await client.GetAsync(ProfileUrl);
        Assert.Contains("name=\"Profile.Picture\"", html, StringComparison.Ordinal);
        return client;
    }

    /// <summary>Loads the page for its token, posts both forms as a browser would (multipart), follows the redirect.</summary>
    private async Task<(HttpStatusCode Status, string Html)> PostAsync(
        FormClient client, string email, string firstName, string lastName, byte[] picture, KeyValuePair<string, string>[]? extra = null)
    {
        var (_, page) = await client.GetAsync(ProfileUrl);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var content = Multipart(email, firstName, lastName, picture, token, extra ?? []);
        using var request = new HttpRequestMessage(HttpMethod.Post, ProfileUrl) { Content = content };
        request.Headers.Add("Cookie", CookieHeader(client));

        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            return await client.GetAsync(location.ToString());
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static MultipartFormDataContent Multipart(string email, string firstName, string lastName, byte[] picture, string? token, KeyValuePair<string, string>[] extra)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(email), "Account.Email" },
            { new StringContent(firstName), "Account.FirstName" },
            { new StringContent(lastName), "Account.LastName" },
        };
        var file = new ByteArrayContent(picture);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "Profile.Picture", "../../me.png");
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (name, value) in extra)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static string CookieHeader(FormClient client) => string.Join("; ", client.Cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>A PNG drawn by the test (a white disc on blue), so nothing depends on a checked-in file.</summary>
    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1F, 0x6F, 0xB2));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private async Task<(Domain.ErpUser User, ClinicProfile Profile)> ReadAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == user.Id);
        return (user, profile);
    }

    private string[] StoredPictures()
    {
        // ErpFactory keeps the media root next to its database, in its own temporary folder.
        var folder = Path.Combine(Path.GetDirectoryName(_factory.DatabasePath)!, "media", ClinicProfilesDefaults.PictureDirectory);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*enctype=\"multipart/form-data\"")]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
