using System.Diagnostics.Metrics;
using Clinic.Signals;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AddClinicProfiles_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot);
        services.AddClinicProfiles(o => o.MaxEdge = 512);

        Assert.Single(services, d => d.ServiceType == typeof(IProfileImageProcessor));
        Assert.Single(services, d => d.ServiceType == typeof(IMediaStorage));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ClinicProfilesOptions>));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ClinicProfilesOptions>>().Value;
        Assert.Equal(_temp.MediaRoot, options.MediaRoot);
        Assert.Equal(512, options.MaxEdge);
    }

    [Fact]
    public void UseEntityFrameworkStore_CalledTwice_RegistersServiceAndReceiversOnce()
    {
        var services = new ServiceCollection();
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>();
        services.AddClinicProfiles().UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>();

        Assert.Single(services, d => d.ServiceType == typeof(IProfileService<ClinicProfile>));
        Assert.Single(services, d => d.ServiceType == typeof(IProfileEditor<ClinicProfile>));
        Assert.Single(services, d => d.ServiceType == typeof(ISignalReceiver<PostSaveArgs<ClinicUser>>));
        Assert.Single(services, d => d.ServiceType == typeof(ISignalReceiver<PreDeleteArgs<ClinicUser>>));
        Assert.Single(services, d => d.ServiceType == typeof(ISignalReceiver<PostDeleteArgs<ClinicProfile>>));
    }

    [Fact]
    public async Task ProfileEditor_WithoutClinicUsers_AppStartsAndUseSaysWhatToAdd()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClinicSignals();
        services.AddDbContext<ProfilesTestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<IProfileEditor<ClinicProfile>>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => editor.LoadAsync(
            new System.Security.Claims.ClaimsPrincipal(), new UserChangeViewModel(), new ClinicProfileForm()));

        Assert.Contains("AddClinicUsers<ClinicUser, ProfilesTestDbContext>()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_Rejection_CountedOnTheMeterByReason()
    {
        using var provider = ProfilesTestHost.Services(_temp.MediaRoot);
        using var collector = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "Clinic.Profiles", "clinic.profiles.images.rejected");

        await Assert.ThrowsAsync<ProfileImageRejectedException>(
            () => provider.GetRequiredService<IProfileImageProcessor>().ProcessAsync(new MemoryStream("<svg/>"u8.ToArray())));

        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("ActiveContent", measurement.Tags["reason"]);
    }

    [Fact]
    public void UseMediaStorage_BeforeOrAfterAdd_ReplacesTheDefault()
    {
        var before = new ServiceCollection();
        new ClinicProfilesBuilder(before).UseMediaStorage<NullStorage>();
        before.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot);
        var after = new ServiceCollection();
        after.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).UseMediaStorage<NullStorage>();

        foreach (var services in new[] { before, after })
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IMediaStorage));
            Assert.Equal(typeof(NullStorage), descriptor.ImplementationType);
        }
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ClinicProfilesOptions();

        Assert.Equal(5 * 1024 * 1024, options.MaxImageBytes);
        Assert.Equal(40_000_000, options.MaxImagePixels);
        Assert.Equal(1024, options.MaxEdge);
        Assert.Equal(128, options.ThumbnailSize);
        Assert.Equal("/media", options.MediaUrl);
        Assert.Equal("0644", Convert.ToString((int)options.FileMode, 8).PadLeft(4, '0'));
        Assert.Equal("0755", Convert.ToString((int)options.DirectoryMode, 8).PadLeft(4, '0'));
    }

    [Fact]
    public async Task Start_NoMediaRoot_DefaultsToMediaUnderContentRoot()
    {
        await using var app = await ProfilesTestHost.StartAsync(contentRoot: _temp.Path);

        var options = app.Services.GetRequiredService<IOptions<ClinicProfilesOptions>>().Value;

        Assert.Equal(Path.Combine(_temp.Path, "media"), options.MediaRoot);
    }

    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "MaxImageBytes", "MaxImageBytes is 0" },
        { "MaxImagePixels", "MaxImagePixels is -1" },
        { "MaxEdge", "MaxEdge is 10" },
        { "ThumbnailSize", "ThumbnailSize is 2048" },
        { "JpegQuality", "JpegQuality is 101" },
        { "MediaRoot", "MediaRoot is 'relative/media'" },
        { "MediaUrl", "MediaUrl is '/media/'" },
        { "PictureDirectory", "PictureDirectory is '../up'" },
        { "FileMode", "FileMode is 0666" },
        { "DirectoryMode", "DirectoryMode is 0777" },
        { "MaxImageFrames", "MaxImageFrames is 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task Start_InvalidOption_FailsWithMessageSayingWhatToFix(string property, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProfilesTestHost.StartAsync(o =>
        {
            o.MediaRoot = _temp.MediaRoot;
            switch (property)
            {
                case "MaxImageBytes": o.MaxImageBytes = 0; break;
                case "MaxImagePixels": o.MaxImagePixels = -1; break;
                case "MaxEdge": o.MaxEdge = 10; o.ThumbnailSize = 16; break;
                case "ThumbnailSize": o.ThumbnailSize = 2048; break;
                case "JpegQuality": o.JpegQuality = 101; break;
                case "MediaRoot": o.MediaRoot = "relative/media"; break;
                case "MediaUrl": o.MediaUrl = "/media/"; break;
                case "PictureDirectory": o.PictureDirectory = "../up"; break;
                case "FileMode": o.FileMode = (UnixFileMode)0b110_110_110; break;
                case "DirectoryMode": o.DirectoryMode = (UnixFileMode)0b111_111_111; break;
                case "MaxImageFrames": o.MaxImageFrames = 0; break;
            }
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MediaRootInsideWebRoot_Fails()
    {
        var webRoot = Path.Combine(_temp.Path, "wwwroot");
        Directory.CreateDirectory(webRoot);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProfilesTestHost.StartAsync(
            o => o.MediaRoot = Path.Combine(webRoot, "media"),
            contentRoot: _temp.Path));

        Assert.Contains("inside the web root", error.Message, StringComparison.Ordinal);
    }

    private sealed class NullStorage : IMediaStorage
    {
        public Task<string> SaveAsync(string directory, string extension, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => Task.FromResult("x/y.png");

        public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public async IAsyncEnumerable<MediaFileInfo> ListAsync(string directory, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public string GetUrl(string name) => "/x";
    }
}
