using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Profiles.Tests;

/// <summary>The profile form partial shipped in the package: prefixed names, the picture, errors next to their fields.</summary>
public sealed class ProfileFormPartialTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync() =>
        _app = await ProfilesTestHost.StartAsync(
            configure: o => o.MediaRoot = _temp.MediaRoot,
            services: s => s.AddControllersWithViews().AddApplicationPart(typeof(ProfileFormsController).Assembly).AddApplicationPart(typeof(ProfileFormBase).Assembly),
            map: app => app.MapControllers(),
            contentRoot: _temp.Path);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Partial_NoPicture_DefaultAvatarFileInputAndErrorNextToIt()
    {
        var html = await RenderAsync("default");

        Assert.Contains("src=\"/media/_clinic/default-avatar.png\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Default avatar\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Profile.Picture\"", html, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Profile.Picture\"[^>]*>The file is not an image.<", html);
        Assert.DoesNotContain("Profile.RemovePicture", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PictureUrl", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partial_WithPicture_ShowsItAndOffersRemoval()
    {
        var html = await RenderAsync("with-picture");

        Assert.Contains("src=\"/media/profiles/abc.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Profile.RemovePicture\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partial_ExtendedForm_RendersTheAddedFieldWithItsError()
    {
        var html = await RenderAsync("doctor");

        Assert.Contains("name=\"Profile.Specialty\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cardiology\"", html, StringComparison.Ordinal);
        Assert.Contains(">Specialty</label>", html, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Profile.Specialty\"[^>]*>Enter a specialty.<", html);
    }

    private async Task<string> RenderAsync(string name)
    {
        using var client = _app.GetTestClient();
        var response = await client.GetAsync(new Uri("/profile-forms/" + name, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
