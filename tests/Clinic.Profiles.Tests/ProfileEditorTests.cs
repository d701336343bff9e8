using System.Security.Claims;
using Clinic.Profiles.Internal;
using Clinic.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

/// <summary>
/// The user form and the profile form saved together (Django's two forms in one view): both or neither, every error
/// at once, no file left behind by a refusal, a concurrent edit of the same profile refused rather than half-applied.
/// Each database runs the same facts.
/// </summary>
public abstract class ProfileEditorTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FailingSaveInterceptor _failer = new();
    private ServiceProvider _services = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string PictureFolder => Path.Combine(_temp.MediaRoot, "profiles");

    protected abstract void UseDatabase(DbContextOptionsBuilder options);

    protected virtual async Task PrepareDatabaseAsync(ProfilesTestDbContext context)
    {
        await context.Database.EnsureDeletedAsync();
        await context.Database.EnsureCreatedAsync();
    }

    protected virtual Task DropDatabaseAsync(ProfilesTestDbContext context) => context.Database.EnsureDeletedAsync();

    public async Task InitializeAsync()
    {
        _services = ProfileEditorServices.Build<ProfilesTestDbContext, ClinicProfile>(_temp.MediaRoot, Time, UseDatabase, _failer);
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
    public async Task LoadAsync_ExistingUser_FillsBothFormsWithDefaultAvatar()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        var userForm = new UserChangeViewModel();
        var profileForm = new ClinicProfileForm();

        await using var scope = _services.CreateAsyncScope();
        var loaded = await Editor(scope).LoadAsync(Principal(user.Id), userForm, profileForm);

        Assert.True(loaded);
        Assert.Equal(("ann@example.com", "Ann", "Smith"), (userForm.Email, userForm.FirstName, userForm.LastName));
        Assert.False(profileForm.HasPicture);
        Assert.Equal("/media/_clinic/default-avatar.png", profileForm.PictureUrl);
        Assert.Equal("/media/_clinic/default-avatar.png", profileForm.ThumbnailUrl);
    }

    [Fact]
    public async Task LoadAsync_UserDeleted_ReturnsFalse()
    {
        await using var scope = _services.CreateAsyncScope();

        Assert.False(await Editor(scope).LoadAsync(Principal("no-such-user"), new UserChangeViewModel(), new ClinicProfileForm()));
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SaveAsync_BothFormsValid_UserAndProfileSaved()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        var profileForm = new ClinicProfileForm { Picture = Upload(TestImages.Png(200, 100, SKColors.Red)) };

        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(Principal(user.Id), UserForm("ann@example.com", "  Annie ", "Jones"), profileForm);
        }

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var (stored, profile) = await ReadAsync(user.Id);
        Assert.Equal(("Annie", "Jones"), (stored.FirstName, stored.LastName));
        Assert.Equal(user.SecurityStamp, stored.SecurityStamp);
        Assert.NotNull(profile.PictureName);
        Assert.Equal(Time.GetUtcNow(), profile.PictureUpdated);
        Assert.Equal(new[] { profile.PictureName, profile.ThumbnailName! }.Order(StringComparer.Ordinal), StoredFiles());
        Assert.Equal((200, 100), StoredSize(profile.PictureName));
        Assert.True(profileForm.HasPicture);
        Assert.Equal("/media/" + profile.PictureName, profileForm.PictureUrl);
        Assert.Equal("/media/" + profile.ThumbnailName, profileForm.ThumbnailUrl);
        Assert.Null(profileForm.Picture);
    }

    [Fact]
    public async Task SaveAsync_NewAddress_NormalisedAndOtherSessionsEnd()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");

        await using (var scope = _services.CreateAsyncScope())
        {
            var result = await Editor(scope).SaveAsync(Principal(user.Id), UserForm(" Ann.Smith@EXAMPLE.org ", "Ann", "Smith"), new ClinicProfileForm());
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        var (stored, _) = await ReadAsync(user.Id);
        Assert.Equal("Ann.Smith@example.org", stored.Email);
        Assert.Equal("Ann.Smith@example.org", stored.UserName);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SaveAsync_UserFormInvalid_NothingSavedAndNoFileLeft()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");

        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(
                Principal(user.Id),
                UserForm("not an address", "Annie", "Jones"),
                new ClinicProfileForm { Picture = Upload(TestImages.Png(64, 64, SKColors.Blue)) });

            // The tracked user was put back: a later SaveChanges of the same context saves nothing of the edit.
            await scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().SaveChangesAsync();
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal(new ProfileEditError(ProfileEditForm.User, nameof(UserChangeViewModel.Email), "Enter a valid email address."), error);
        await AssertUnchangedAsync(user);
    }

    [Fact]
    public async Task SaveAsync_AddressOfAnotherUser_ErrorOnEmailAndNothingSaved()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        await CreateUserAsync("bob@example.com", "Bob", "Brown");

        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(
                Principal(user.Id),
                UserForm("bob@example.com", "Annie", "Jones"),
                new ClinicProfileForm { Picture = Upload(TestImages.Png(64, 64, SKColors.Blue)) });
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal((ProfileEditForm.User, nameof(UserChangeViewModel.Email)), (error.Form, error.Field));
        Assert.Contains("bob@example.com", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(user);
    }

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task SaveAsync_PictureRejected_UserNotSavedEither()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(Principal(user.Id), UserForm("ann@example.com", "Annie", "Jones"), new ClinicProfileForm { Picture = Upload(svg, "me.png") });
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal((ProfileEditForm.Profile, nameof(ProfileFormBase.Picture)), (error.Form, error.Field));
        var rejected = await RejectionAsync(svg);
        Assert.Equal(ProfileImageRejectionReason.ActiveContent, rejected.Reason);
        Assert.Equal(rejected.Message, error.Message);
        await AssertUnchangedAsync(user);
    }

    [Fact]
    public async Task SaveAsync_ErrorsInBothForms_EveryErrorReportedAtOnce()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        var truncated = TestImages.Png(64, 64, SKColors.Blue)[..100];

        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(
                Principal(user.Id),
                UserForm("", "Annie", new string('x', 151)),
                new ClinicProfileForm { Picture = Upload(truncated) });
        }

        Assert.Equal(
            [(ProfileEditForm.User, "Email"), (ProfileEditForm.User, "LastName"), (ProfileEditForm.Profile, "Picture")],
            result.Errors.Select(e => (e.Form, e.Field)).Order());
        Assert.Contains("Enter an email address.", result.Errors.Select(e => e.Message));
        var rejected = await RejectionAsync(truncated);
        Assert.Equal(ProfileImageRejectionReason.Truncated, rejected.Reason);
        Assert.Contains(rejected.Message, result.Errors.Select(e => e.Message));
        await AssertUnchangedAsync(user);
    }

    [Fact]
    public async Task SaveAsync_NewPictureAndRemoveTicked_Refused()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");

        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(
                Principal(user.Id),
                UserForm("ann@example.com", "Annie", "Smith"),
                new ClinicProfileForm { Picture = Upload(TestImages.Png(64, 64, SKColors.Blue)), RemovePicture = true });
        }

        Assert.Equal(
            new ProfileEditError(ProfileEditForm.Profile, nameof(ProfileFormBase.Picture), EntityFrameworkProfileEditor<ProfilesTestDbContext, ClinicUser, ClinicProfile>.BothPictureChoicesMessage),
            Assert.Single(result.Errors));
        await AssertUnchangedAsync(user);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SaveAsync_ReplacedThenRemoved_OldFilesDeletedAfterCommit()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        await SaveAsync(user.Id, new ClinicProfileForm { Picture = Upload(TestImages.Jpeg(64, 64, SKColors.Red)) });
        var (_, first) = await ReadAsync(user.Id);

        await SaveAsync(user.Id, new ClinicProfileForm { Picture = Upload(TestImages.Jpeg(80, 80, SKColors.Blue)) });
        var (_, second) = await ReadAsync(user.Id);
        Assert.Equal(new[] { second.PictureName!, second.ThumbnailName! }.Order(StringComparer.Ordinal), StoredFiles());
        Assert.NotEqual(first.PictureName, second.PictureName);

        var form = new ClinicProfileForm { RemovePicture = true };
        await SaveAsync(user.Id, form);
        var (_, removed) = await ReadAsync(user.Id);
        Assert.Null(removed.PictureName);
        Assert.Null(removed.ThumbnailName);
        Assert.Empty(StoredFiles());
        Assert.False(form.HasPicture);
        Assert.Equal("/media/_clinic/default-avatar.png", form.ThumbnailUrl);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SaveAsync_DatabaseFailsDuringSave_NothingSavedAndNewFilesRemoved()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        await SaveAsync(user.Id, new ClinicProfileForm { Picture = Upload(TestImages.Jpeg(64, 64, SKColors.Red)) });
        var (_, before) = await ReadAsync(user.Id);

        await using (var scope = _services.CreateAsyncScope())
        {
            var editor = Editor(scope);
            _failer.FailNext = true;
            await Assert.ThrowsAsync<InvalidOperationException>(() => editor.SaveAsync(
                Principal(user.Id),
                UserForm("ann@example.com", "Annie", "Jones"),
                new ClinicProfileForm { Picture = Upload(TestImages.Jpeg(64, 64, SKColors.Blue)) }));
        }

        var (stored, after) = await ReadAsync(user.Id);
        Assert.Equal(("Ann", "Smith"), (stored.FirstName, stored.LastName));
        Assert.Equal(before.PictureName, after.PictureName);
        Assert.Equal(new[] { before.PictureName!, before.ThumbnailName! }.Order(StringComparer.Ordinal), StoredFiles());
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SaveAsync_SameProfileChangedSinceLoaded_SecondSaveRefusedAndNothingOfItSaved()
    {
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");
        await using var first = _services.CreateAsyncScope();
        await using var second = _services.CreateAsyncScope();

        // Both requests have read the user and profile before either saves.
        Assert.True(await Editor(first).LoadAsync(Principal(user.Id), new UserChangeViewModel(), new ClinicProfileForm()));
        Assert.True(await Editor(second).LoadAsync(Principal(user.Id), new UserChangeViewModel(), new ClinicProfileForm()));

        var won = await Editor(first).SaveAsync(Principal(user.Id), UserForm("ann@example.com", "First", "Writer"), new ClinicProfileForm { Picture = Upload(TestImages.Png(50, 40, SKColors.Red)) });
        var lost = await Editor(second).SaveAsync(Principal(user.Id), UserForm("ann@example.com", "Second", "Writer"), new ClinicProfileForm { Picture = Upload(TestImages.Png(60, 40, SKColors.Blue)) });

        Assert.True(won.Succeeded, string.Join("; ", won.Errors));
        Assert.Equal(
            new ProfileEditError(ProfileEditForm.Page, string.Empty, EntityFrameworkProfileEditor<ProfilesTestDbContext, ClinicUser, ClinicProfile>.ConcurrentChangeMessage),
            Assert.Single(lost.Errors));
        var (stored, profile) = await ReadAsync(user.Id);
        Assert.Equal("First", stored.FirstName);
        Assert.Equal((50, 40), StoredSize(profile.PictureName!));
        Assert.Equal(new[] { profile.PictureName!, profile.ThumbnailName! }.Order(StringComparer.Ordinal), StoredFiles());

        // The losing context holds no half-applied edit.
        await second.ServiceProvider.GetRequiredService<ProfilesTestDbContext>().SaveChangesAsync();
        Assert.Equal("First", (await ReadAsync(user.Id)).User.FirstName);
    }

    [Fact]
    [Trait("Case", "UPL-06")]
    public async Task SaveAsync_ParallelEditsOfSameProfile_UserAndPictureFromOneWriterAndNoOrphans()
    {
        const int Writers = 6;
        var user = await CreateUserAsync("ann@example.com", "Ann", "Smith");

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            return await Editor(scope).SaveAsync(
                Principal(user.Id),
                UserForm("ann@example.com", "Writer" + i, "Parallel"),
                new ClinicProfileForm { Picture = Upload(TestImages.Png(40 + (i * 4), 40, SKColors.Green)) });
        })));

        Assert.Contains(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ProfileEditForm.Page, Assert.Single(r.Errors).Form));
        var (stored, profile) = await ReadAsync(user.Id);
        var writer = int.Parse(stored.FirstName["Writer".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(results[writer].Succeeded);
        Assert.Equal((40 + (writer * 4), 40), StoredSize(profile.PictureName!));
        Assert.Equal(new[] { profile.PictureName!, profile.ThumbnailName! }.Order(StringComparer.Ordinal), StoredFiles());
    }

    [Fact]
    public async Task SaveAsync_PrincipalOfNoUser_PageErrorAndNothingStored()
    {
        await using var scope = _services.CreateAsyncScope();

        var result = await Editor(scope).SaveAsync(Principal("no-such-user"), UserForm("x@example.com", "X", "Y"), new ClinicProfileForm { Picture = Upload(TestImages.Png(64, 64, SKColors.Blue)) });

        Assert.Equal(ProfileEditForm.Page, Assert.Single(result.Errors).Form);
        Assert.Empty(StoredFiles());
    }

    private static IProfileEditor<ClinicProfile> Editor(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IProfileEditor<ClinicProfile>>();

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Test"));

    private static UserChangeViewModel UserForm(string email, string firstName, string lastName) =>
        new() { Email = email, FirstName = firstName, LastName = lastName };

    private static FormFile Upload(byte[] content, string fileName = "picture.png") =>
        new(new MemoryStream(content), 0, content.Length, "Profile.Picture", fileName);

    /// <summary>What the image pipeline itself says about the bytes, to compare the form's message with.</summary>
    private Task<ProfileImageRejectedException> RejectionAsync(byte[] content) =>
        Assert.ThrowsAsync<ProfileImageRejectedException>(() => _services.GetRequiredService<IProfileImageProcessor>().ProcessAsync(new MemoryStream(content)));

    private async Task SaveAsync(string userId, ClinicProfileForm form)
    {
        await using var scope = _services.CreateAsyncScope();
        var (user, _) = await ReadAsync(userId);
        var result = await Editor(scope).SaveAsync(Principal(userId), UserForm(user.Email!, user.FirstName, user.LastName), form);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private async Task<ClinicUser> CreateUserAsync(string email, string firstName, string lastName)
    {
        await using var scope = _services.CreateAsyncScope();
        var user = new ClinicUser { UserName = email, Email = email, FirstName = firstName, LastName = lastName, DateJoined = Time.GetUtcNow() };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>().CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return user;
    }

    private async Task<(ClinicUser User, ClinicProfile Profile)> ReadAsync(string userId)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProfilesTestDbContext>();
        return (await context.Users.AsNoTracking().SingleAsync(u => u.Id == userId),
            await context.Profiles.AsNoTracking().SingleAsync(p => p.UserId == userId));
    }

    private async Task AssertUnchangedAsync(ClinicUser user)
    {
        var (stored, profile) = await ReadAsync(user.Id);
        Assert.Equal((user.Email, user.FirstName, user.LastName, user.SecurityStamp), (stored.Email, stored.FirstName, stored.LastName, stored.SecurityStamp));
        Assert.Null(profile.PictureName);
        Assert.Empty(StoredFiles());
    }

    private string[] StoredFiles() => Directory.Exists(PictureFolder)
        ? [.. Directory.GetFiles(PictureFolder).Select(f => "profiles/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)]
        : [];

    private (int Width, int Height) StoredSize(string name)
    {
        using var codec = SKCodec.Create(Path.Combine(_temp.MediaRoot, name));
        return (codec.Info.Width, codec.Info.Height);
    }
}
