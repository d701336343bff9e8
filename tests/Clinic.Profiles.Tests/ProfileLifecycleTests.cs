using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

/// <summary>
/// The profile and its files through their life, against a real database: created by the signal or on first
/// access, pictures replaced and removed, users and profiles deleted, failures half-way (UPL-06). Each database
/// runs the same facts.
/// </summary>
public abstract class ProfileLifecycleTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FailingSaveInterceptor _failer = new();
    private ServiceProvider _services = null!;
    private FlakyMediaStorage _storage = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string PictureFolder => Path.Combine(_temp.MediaRoot, "profiles");

    protected abstract void UseDatabase(DbContextOptionsBuilder options);

    /// <summary>Gives the test an empty database; by default a new one.</summary>
    protected virtual async Task PrepareDatabaseAsync(ProfilesTestDbContext context)
    {
        await context.Database.EnsureDeletedAsync();
        await context.Database.EnsureCreatedAsync();
    }

    protected virtual Task DropDatabaseAsync(ProfilesTestDbContext context) => context.Database.EnsureDeletedAsync();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClinicSignals();
        services.AddSingleton<TimeProvider>(Time);
        services.AddDbContext<ProfilesTestDbContext>((sp, options) =>
        {
            UseDatabase(options);
            options.UseClinicSignals(sp).AddInterceptors(_failer);
        });
        services.AddClinicProfiles(o => o.MediaRoot = _temp.MediaRoot).UseEntityFrameworkStore<ProfilesTestDbContext, ClinicUser>();
        services.Replace(ServiceDescriptor.Singleton<IMediaStorage>(sp =>
            _storage = new FlakyMediaStorage(new FileSystemMediaStorage(sp.GetRequiredService<IOptions<ClinicProfilesOptions>>()))));
        _services = services.BuildServiceProvider(validateScopes: true);
        await using var scope = _services.CreateAsyncScope();
        await PrepareDatabaseAsync(scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>());
    }

    public async Task DisposeAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await DropDatabaseAsync(scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>());
        }

        await _services.DisposeAsync();
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CreateUser_NewUser_ProfileCreatedBySignal()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        var superuserId = await CreateUserAsync("root@example.com", superuser: true);

        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
        Assert.True(await context.Profiles.AnyAsync(p => p.UserId == userId));
        Assert.True(await context.Profiles.AnyAsync(p => p.UserId == superuserId));
        Assert.Equal(2, await context.Profiles.CountAsync());
    }

    [Fact]
    public async Task CreateUser_SynchronousSaveChanges_ProfileCreated()
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
        var user = new ClinicUser { UserName = "sync@example.com", NormalizedUserName = "SYNC@EXAMPLE.COM", DateJoined = Time.GetUtcNow() };
        context.Users.Add(user);

        context.SaveChanges();

        Assert.True(await context.Profiles.AsNoTracking().AnyAsync(p => p.UserId == user.Id));
    }

    [Fact]
    public async Task UpdateUser_ExistingUser_NoSecondProfile()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        await using (var scope = _services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
            var user = await context.Users.SingleAsync(u => u.Id == userId);
            user.FirstName = "Ann";
            await context.SaveChangesAsync();
        }

        await using var check = _services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.CountAsync());
    }

    [Fact]
    public async Task GetOrCreateAsync_UserPredatingThePackage_CreatedOnFirstAccess()
    {
        var userId = await CreateUserAsync("old@example.com", superuser: false);
        await using (var scope = _services.CreateAsyncScope())
        {
            // A bulk delete sends no signals: the user now looks like one created before the package was installed.
            await scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.ExecuteDeleteAsync();
        }

        await using var access = _services.CreateAsyncScope();
        var profile = await Service(access).GetOrCreateAsync(userId);

        Assert.Equal(userId, profile.UserId);
        Assert.Null(profile.PictureName);
        Assert.Equal("/media/_clinic/default-avatar.png", Service(access).GetPictureUrl(profile));
        Assert.Equal(1, await access.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.CountAsync());
    }

    [Fact]
    public async Task GetOrCreateAsync_UnknownUser_Throws()
    {
        await using var scope = _services.CreateAsyncScope();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Service(scope).GetOrCreateAsync("no-such-user"));
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_Picture_StoredAndServedUrl()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);

        await using var scope = _services.CreateAsyncScope();
        var profile = await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(300, 300, SKColors.Red)));

        Assert.NotNull(profile.PictureName);
        Assert.NotNull(profile.ThumbnailName);
        Assert.Equal(Time.GetUtcNow(), profile.PictureUpdated);
        Assert.True(File.Exists(Path.Combine(_temp.MediaRoot, profile.PictureName)));
        Assert.True(File.Exists(Path.Combine(_temp.MediaRoot, profile.ThumbnailName)));
        Assert.Equal("/media/" + profile.PictureName, Service(scope).GetPictureUrl(profile));
        Assert.Equal("/media/" + profile.ThumbnailName, Service(scope).GetThumbnailUrl(profile));
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_Replaced10Times_OnlyTheLatestFilesRemain()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        ClinicProfile? profile = null;
        for (var i = 0; i < 10; i++)
        {
            await using var scope = _services.CreateAsyncScope();
            profile = await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, new SKColor((byte)(i * 20), 0, 0))));
        }

        var files = Directory.GetFiles(PictureFolder).Select(f => "profiles/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { profile!.PictureName!, profile.ThumbnailName! }.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_SaveChangesFails_NoNewFileAndRowUnchanged()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        string first;
        await using (var scope = _services.CreateAsyncScope())
        {
            first = (await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)))).PictureName!;
        }

        var before = Directory.GetFiles(PictureFolder).Order(StringComparer.Ordinal).ToArray();
        await using (var scope = _services.CreateAsyncScope())
        {
            var service = Service(scope);
            await service.GetOrCreateAsync(userId);
            _failer.FailNext = true;

            await Assert.ThrowsAsync<InvalidOperationException>(() => service.SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Blue))));
        }

        Assert.Equal(before, Directory.GetFiles(PictureFolder).Order(StringComparer.Ordinal).ToArray());
        await using var check = _services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.AsNoTracking().SingleAsync();
        Assert.Equal(first, row.PictureName);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_DiskFullOnThumbnail_PictureRemovedAndRowUnchanged()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        string first;
        await using (var scope = _services.CreateAsyncScope())
        {
            first = (await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)))).PictureName!;
        }

        var before = Directory.GetFiles(PictureFolder).Order(StringComparer.Ordinal).ToArray();
        await using (var scope = _services.CreateAsyncScope())
        {
            _storage.FailSave = 2;

            await Assert.ThrowsAsync<IOException>(() => Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Blue))));
        }

        Assert.Equal(before, Directory.GetFiles(PictureFolder).Order(StringComparer.Ordinal).ToArray());
        Assert.All(Directory.GetFiles(PictureFolder), f => Assert.True(new FileInfo(f).Length > 0));
        await using var check = _services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.AsNoTracking().SingleAsync();
        Assert.Equal(first, row.PictureName);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_RejectedUpload_NothingWrittenOrChanged()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);

        await using var scope = _services.CreateAsyncScope();
        await Assert.ThrowsAsync<ProfileImageRejectedException>(
            () => Service(scope).SetPictureAsync(userId, new MemoryStream("<svg onload=alert(1)>"u8.ToArray())));

        Assert.False(Directory.Exists(PictureFolder) && Directory.EnumerateFiles(PictureFolder).Any());
        var row = await scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.AsNoTracking().SingleAsync();
        Assert.Null(row.PictureName);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_TransactionRolledBack_OldFilesKeptAndOrphansCleanedUp()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        ClinicProfile kept;
        await using (var scope = _services.CreateAsyncScope())
        {
            kept = await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)));
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Blue)));
            Assert.Equal(4, Directory.GetFiles(PictureFolder).Length);
            await transaction.RollbackAsync();
        }

        // The row still points at the first picture, whose files were not deleted before a commit.
        Assert.True(File.Exists(Path.Combine(_temp.MediaRoot, kept.PictureName!)));
        Assert.True(File.Exists(Path.Combine(_temp.MediaRoot, kept.ThumbnailName!)));
        await using var cleanup = _services.CreateAsyncScope();
        Assert.Equal(0, await Service(cleanup).RemoveOrphansAsync(TimeSpan.FromHours(1)));
        Time.Advance(TimeSpan.FromHours(2));
        foreach (var file in Directory.GetFiles(PictureFolder))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        Assert.Equal(2, await Service(cleanup).RemoveOrphansAsync(TimeSpan.FromHours(1)));
        var remaining = Directory.GetFiles(PictureFolder).Select(f => "profiles/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { kept.PictureName!, kept.ThumbnailName! }.Order(StringComparer.Ordinal), remaining);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SetPictureAsync_InCommittedTransaction_OldFilesDeletedOnCommit()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        ClinicProfile first;
        await using (var scope = _services.CreateAsyncScope())
        {
            first = await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)));
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Blue)));
            Assert.True(File.Exists(Path.Combine(_temp.MediaRoot, first.PictureName!)), "old files must survive until the commit");
            await transaction.CommitAsync();
        }

        Assert.False(File.Exists(Path.Combine(_temp.MediaRoot, first.PictureName!)));
        Assert.Equal(2, Directory.GetFiles(PictureFolder).Length);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task RemovePictureAsync_Picture_FilesDeletedAndDefaultAvatarShown()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        await using var scope = _services.CreateAsyncScope();
        await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Png(64, 64, SKColors.Red)));

        var profile = await Service(scope).RemovePictureAsync(userId);

        Assert.Null(profile.PictureName);
        Assert.Empty(Directory.GetFiles(PictureFolder));
        Assert.Equal("/media/_clinic/default-avatar.png", Service(scope).GetThumbnailUrl(profile));
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task DeleteUser_WithPicture_ProfileAndFilesDeletedAfterCommit()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        var otherId = await CreateUserAsync("bob@example.com", superuser: false);
        string otherPicture;
        await using (var scope = _services.CreateAsyncScope())
        {
            await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)));
            otherPicture = (await Service(scope).SetPictureAsync(otherId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Blue)))).PictureName!;
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
            context.Users.Remove(await context.Users.SingleAsync(u => u.Id == userId));
            await context.SaveChangesAsync();
        }

        await using var check = _services.CreateAsyncScope();
        var checkContext = check.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
        Assert.False(await checkContext.Profiles.AnyAsync(p => p.UserId == userId));
        Assert.Equal(2, Directory.GetFiles(PictureFolder).Length);
        Assert.True(File.Exists(Path.Combine(_temp.MediaRoot, otherPicture)));
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task DeleteProfile_WithPicture_FilesDeleted()
    {
        var userId = await CreateUserAsync("ann@example.com", superuser: false);
        await using var scope = _services.CreateAsyncScope();
        var profile = await Service(scope).SetPictureAsync(userId, new MemoryStream(TestImages.Jpeg(64, 64, SKColors.Red)));
        var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();

        context.Profiles.Remove(profile);
        await context.SaveChangesAsync();

        Assert.Empty(Directory.GetFiles(PictureFolder));
    }

    [Fact]
    [Trait("Case", "UPL-02")]
    public async Task SetPictureAsync_ConcurrentUsers_EachRowPointsAtItsOwnFiles()
    {
        var users = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            users.Add(await CreateUserAsync($"user{i}@example.com", superuser: false));
        }

        var colours = new[] { SKColors.Red, SKColors.Green, SKColors.Blue, SKColors.White, SKColors.Black, SKColors.Yellow, SKColors.Cyan, SKColors.Magenta };
        await Task.WhenAll(users.Select((id, i) => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            await Service(scope).SetPictureAsync(id, new MemoryStream(TestImages.Png(32, 32, colours[i])));
        })));

        await using var check = _services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().Profiles.AsNoTracking().ToListAsync();
        Assert.Equal(16, rows.SelectMany(r => new[] { r.PictureName, r.ThumbnailName }).Distinct(StringComparer.Ordinal).Count());
        foreach (var row in rows)
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(_temp.MediaRoot, row.PictureName!));
            ProfileImageProcessorTests.AssertColor(colours[users.IndexOf(row.UserId)], bitmap.GetPixel(16, 16));
        }
    }

    private static IProfileService<ClinicProfile> Service(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IProfileService<ClinicProfile>>();

    private async Task<string> CreateUserAsync(string email, bool superuser)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
        var user = new ClinicUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            IsSuperuser = superuser,
            IsStaff = superuser,
            DateJoined = Time.GetUtcNow(),
        };
        context.Users.Add(user);
        await context.SaveChangesAsync();
        return user.Id;
    }
}
