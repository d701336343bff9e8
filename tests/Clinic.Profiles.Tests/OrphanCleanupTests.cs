using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Clinic.Profiles.Internal;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

/// <summary>
/// The scheduled orphan cleanup (UPL-06): opt-in, on the interval of a fake clock, never touching a file younger than
/// the grace period, logged and metered, and still running after a failed run.
/// </summary>
public sealed class OrphanCleanupTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(2);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AddClinicProfiles_WithoutAddOrphanCleanup_NoCleanupScheduled()
    {
        var services = new ServiceCollection();
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>();

        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(ProfileOrphanCleanupService));
    }

    [Fact]
    public void AddOrphanCleanup_CalledTwice_OneServiceAndBothConfigurationsApplied()
    {
        var services = new ServiceCollection();
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).AddOrphanCleanup(o => o.Interval = Interval);
        services.AddClinicProfiles().AddOrphanCleanup(o => o.GracePeriod = Grace);

        Assert.Single(services, d => d.ImplementationType == typeof(ProfileOrphanCleanupService));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ProfileOrphanCleanupOptions>>().Value;
        Assert.Equal((Interval, Grace), (options.Interval, options.GracePeriod));
    }

    [Fact]
    public async Task Start_IntervalAndGraceTooShort_RefusedWithMessagesSayingWhatToSet()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProfilesTestHost.StartAsync(
            o => o.MediaRoot = _temp.MediaRoot,
            services: s => s.AddClinicProfiles().AddOrphanCleanup(o =>
            {
                o.Interval = TimeSpan.FromSeconds(5);
                o.GracePeriod = TimeSpan.Zero;
            }),
            contentRoot: _temp.Path));

        Assert.Equal(
            [
                "ProfileOrphanCleanupOptions.Interval is 00:00:05; set it between one minute and seven days (default one hour).",
                "ProfileOrphanCleanupOptions.GracePeriod is 00:00:00; set it to at least one minute, longer than an upload takes to commit (default one hour).",
            ],
            error.Failures);
    }

    [Fact]
    public async Task Start_NoProfileStore_RefusedWithMessageSayingWhatToCall()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProfilesTestHost.StartAsync(
            o => o.MediaRoot = _temp.MediaRoot,
            services: s => s.AddClinicProfiles().AddOrphanCleanup(),
            contentRoot: _temp.Path));

        Assert.Contains("UseEntityFrameworkStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task Schedule_EachInterval_RunsOnceWithTheGracePeriodAndMetersIt()
    {
        var time = new FakeTimeProvider();
        var remover = new ScriptedOrphanRemover((_, _) => Task.FromResult(3));
        using var provider = Services(time, remover);
        using var runs = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "Clinic.Profiles", "clinic.profiles.orphan_cleanup.runs");
        var service = Assert.Single(provider.GetServices<IHostedService>().OfType<ProfileOrphanCleanupService>());
        await service.StartAsync(CancellationToken.None);

        // Nothing runs before the first interval has passed on the clock.
        time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(remover.Runs.Reader.TryRead(out _));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((Grace, 3), await remover.NextRunAsync());
        time.Advance(Interval);
        Assert.Equal((Grace, 3), await remover.NextRunAsync());
        await service.StopAsync(CancellationToken.None);

        await runs.WaitForMeasurementsAsync(2).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(runs.GetMeasurementSnapshot(), m => Assert.Equal("success", m.Tags["outcome"]));
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4020 && r.Message.Contains("removed 3 ", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task Schedule_RunFails_LoggedAndCountedAndTheNextRunStillHappens()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var remover = new ScriptedOrphanRemover((_, _) => ++calls == 1
            ? throw new IOException("media volume unavailable")
            : Task.FromResult(1));
        using var provider = Services(time, remover);
        using var runs = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "Clinic.Profiles", "clinic.profiles.orphan_cleanup.runs");
        var service = Assert.Single(provider.GetServices<IHostedService>().OfType<ProfileOrphanCleanupService>());
        await service.StartAsync(CancellationToken.None);

        time.Advance(Interval);
        Assert.Null((await remover.NextRunAsync()).Removed);
        time.Advance(Interval);
        Assert.Equal(1, (await remover.NextRunAsync()).Removed);
        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(CancellationToken.None);

        await runs.WaitForMeasurementsAsync(2).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(["failure", "success"], runs.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
        var failure = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4021);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsType<IOException>(failure.Exception);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task Schedule_RealStoreAndFiles_RemovesOnlyOldUnreferencedFiles()
    {
        var now = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(now);
        var database = Path.Combine(_temp.Path, "cleanup.db");
        var runs = Channel.CreateUnbounded<(TimeSpan MinimumAge, int? Removed)>();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddClinicSignals();
        services.AddDbContext<ProfilesTestDbContext>((sp, o) => o.UseSqlite($"Data Source={database};Pooling=False").UseClinicSignals(sp));
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot)
            .UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>()
            .AddOrphanCleanup(o => (o.Interval, o.GracePeriod) = (Interval, Grace));
        services.Replace(ServiceDescriptor.Scoped<IProfileOrphanRemover>(sp =>
        {
            // The real store's cleanup, reporting when it has finished.
            var real = ActivatorUtilities.CreateInstance<EntityFrameworkProfileService<ProfilesTestDbContext, ClinicUser, ClinicProfile>>(sp);
            return new ScriptedOrphanRemover(real.RemoveOrphansAsync, runs);
        }));
        await using var provider = services.BuildServiceProvider();

        string[] referenced;
        await using (var scope = provider.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
            await context.Database.EnsureCreatedAsync();
            var user = new ClinicUser { UserName = "ann@example.com", NormalizedUserName = "ANN@EXAMPLE.COM", DateJoined = now };
            context.Users.Add(user);
            await context.SaveChangesAsync();
            var profile = await scope.ServiceProvider.GetRequiredService<IProfileService<ClinicProfile>>()
                .SetPictureAsync(user.Id, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)));
            referenced = [profile.PictureName!, profile.ThumbnailName!];
        }

        var storage = provider.GetRequiredService<IMediaStorage>();
        var oldOrphan = await storage.SaveAsync("profiles", "jpg", TestImages.Jpeg(8, 8, SKColors.Blue), CancellationToken.None);
        var youngOrphan = await storage.SaveAsync("profiles", "jpg", TestImages.Jpeg(8, 8, SKColors.Green), CancellationToken.None);
        var justOlderThanGrace = now + Interval - Grace - TimeSpan.FromMinutes(1);
        var justYoungerThanGrace = now + Interval - Grace + TimeSpan.FromMinutes(1);
        foreach (var name in referenced.Append(oldOrphan))
        {
            File.SetLastWriteTimeUtc(Path.Combine(_temp.MediaRoot, name), justOlderThanGrace.UtcDateTime);
        }

        File.SetLastWriteTimeUtc(Path.Combine(_temp.MediaRoot, youngOrphan), justYoungerThanGrace.UtcDateTime);
        var service = Assert.Single(provider.GetServices<IHostedService>().OfType<ProfileOrphanCleanupService>());
        await service.StartAsync(CancellationToken.None);

        time.Advance(Interval);
        Assert.Equal((Grace, 1), await runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60)));
        await service.StopAsync(CancellationToken.None);

        var remaining = Directory.GetFiles(Path.Combine(_temp.MediaRoot, "profiles")).Select(f => "profiles/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);
        Assert.Equal(referenced.Append(youngOrphan).Order(StringComparer.Ordinal), remaining);
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4011 && r.Message.Contains(oldOrphan, StringComparison.Ordinal));
    }

    private ServiceProvider Services(FakeTimeProvider time, ScriptedOrphanRemover remover)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).AddOrphanCleanup(o => (o.Interval, o.GracePeriod) = (Interval, Grace));
        services.AddScoped<IProfileOrphanRemover>(_ => remover);
        return services.BuildServiceProvider(validateScopes: true);
    }
}
