using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

public sealed class MediaEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await ProfilesTestHost.StartAsync(
            o => o.MediaRoot = _temp.MediaRoot,
            map: app => app.MapPost("/upload", UploadAsync).DisableAntiforgery());
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task Get_StoredPicture_ServedWithServerContentTypeNosniffAndSandbox()
    {
        var storage = _app.Services.GetRequiredService<IMediaStorage>();
        var content = TestImages.Jpeg(10, 10, SKColors.Red);
        var name = await storage.SaveAsync("profiles", "jpg", content);

        using var response = await _client.GetAsync(storage.GetUrl(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content.Length, response.Content.Headers.ContentLength);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_StoredPicture_HeadersWithoutBody()
    {
        var storage = _app.Services.GetRequiredService<IMediaStorage>();
        var name = await storage.SaveAsync("profiles", "png", TestImages.Png(4, 4, SKColors.Red));

        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, storage.GetUrl(name)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_DefaultAvatar_ServedAsPng()
    {
        using var response = await _client.GetAsync("/media/" + ClinicProfilesDefaults.DefaultAvatarName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var avatar = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((128, 128), (avatar.Width, avatar.Height));
    }

    [Theory]
    [Trait("Case", "UPL-07")]
    [InlineData("/media/")]
    [InlineData("/media")]
    [InlineData("/media/profiles")]
    [InlineData("/media/profiles/")]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/%2e%2e/")]
    [InlineData("/media/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/media/%2E%2E%2Fsecret.png")]
    [InlineData("/media/profiles/%2e%2e/%2e%2e/secret.png")]
    [InlineData("/media/profiles%2fsecret.png")]
    [InlineData("/media/profiles/x.png/")]
    [InlineData("/media/profiles/missing.png")]
    [InlineData("/media/profiles/.tmp-abcdef")]
    [InlineData("/media/profiles/page.html")]
    [InlineData("/media/..%2fsecret.png")]
    [InlineData("/media/_clinic/")]
    public async Task Get_TraversalListingOrUnknown_NotFound(string url)
    {
        await File.WriteAllTextAsync(Path.Combine(_temp.Path, "secret.png"), "secret");
        Directory.CreateDirectory(Path.Combine(_temp.MediaRoot, "profiles"));
        await File.WriteAllTextAsync(Path.Combine(_temp.MediaRoot, "profiles", "page.html"), "<script>alert(1)</script>");
        await File.WriteAllTextAsync(Path.Combine(_temp.MediaRoot, "profiles", ".tmp-abcdef"), "partial");

        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Case", "UPL-01")]
    [InlineData("../../x.png")]
    [InlineData(@"..\..\x.png")]
    [InlineData("/etc/passwd")]
    [InlineData(@"C:\w\x.png")]
    [InlineData("x.png%00.aspx")]
    [InlineData("....//x.png")]
    [InlineData("%2e%2e%2fx.png")]
    [InlineData("x.png.")]
    [InlineData("CON.png")]
    [InlineData("\u202Egnp.exe")]
    [InlineData("long")]
    [InlineData("star")]
    public async Task Upload_HostileClientFileName_StoredUnderServerGeneratedName(string fileName)
    {
        if (fileName == "long")
        {
            fileName = new string('a', 1000) + ".png";
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Png(20, 20, SKColors.Red));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        file.Headers.ContentDisposition = fileName == "star"
            ? new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"a.png\"", FileNameStar = "../../x.png" }
            : new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName + "\"" };
        form.Add(file);

        using var response = await _client.PostAsync("/upload", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var name = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"\Aprofiles/[a-z2-7]{26}\.jpg\z", name);
        var stored = Path.GetFullPath(Path.Combine(_temp.MediaRoot, name));
        Assert.StartsWith(Path.GetFullPath(_temp.MediaRoot) + Path.DirectorySeparatorChar, stored, StringComparison.Ordinal);
        Assert.True(File.Exists(stored));
        Assert.Equal(stored, Assert.Single(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories)));
    }

    [Fact]
    [Trait("Case", "UPL-02")]
    public async Task Upload_64ConcurrentSameNameUploads_DistinctFiles()
    {
        var uploads = Enumerable.Range(0, 64).Select(async i =>
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(TestImages.Png(8, 8, new SKColor((byte)i, 0, 0))), "file", "avatar.png");
            using var response = await _client.PostAsync("/upload", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        });

        var names = await Task.WhenAll(uploads);

        Assert.Equal(64, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(64, Directory.GetFiles(Path.Combine(_temp.MediaRoot, "profiles")).Length);
    }

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task Upload_SvgNamedPng_Answers400WithMessage()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "avatar.png");

        using var response = await _client.PostAsync("/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SVG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.MediaRoot, "profiles")));
    }

    /// <summary>A minimal upload endpoint of the kind an application writes: the client's file name is never used.</summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, IProfileImageProcessor processor, IMediaStorage storage)
    {
        var form = await request.ReadFormAsync();
        var file = form.Files["file"];
        if (file is null)
        {
            return Results.BadRequest("no file");
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var image = await processor.ProcessAsync(stream);
            var name = await storage.SaveAsync("profiles", image.Picture.Extension, image.Picture.Content);
            return Results.Text(name);
        }
        catch (ProfileImageRejectedException error)
        {
            return Results.Text(error.Message, statusCode: error.StatusCode);
        }
    }
}
