using System.Security.Claims;
using Clinic.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Profiles.Tests;

/// <summary>An application's own profile fields go through the same combined form: loaded, validated with the user form, saved with it.</summary>
public sealed class ExtendedProfileFormTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private string _userId = null!;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_temp.Path, "doctors.db");
        _services = ProfileEditorServices.Build<DoctorProfilesTestDbContext, DoctorProfile>(
            _temp.MediaRoot, _time, o => o.UseSqlite($"Data Source={database};Pooling=False"), new FailingSaveInterceptor());
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DoctorProfilesTestDbContext>().Database.EnsureCreatedAsync();
        var user = new ClinicUser { UserName = "dr@example.com", Email = "dr@example.com", FirstName = "Dana", DateJoined = _time.GetUtcNow() };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>().CreateAsync(user)).Succeeded);
        _userId = user.Id;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SaveAsync_ExtendedFieldAndUserFieldValid_BothSavedAndLoadedBack()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var result = await Editor(scope).SaveAsync(Principal(), new UserChangeViewModel { Email = "dr@example.com", FirstName = "Dana", LastName = "Gray" }, new DoctorProfileForm { Specialty = " Cardiology " });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        var userForm = new UserChangeViewModel();
        var profileForm = new DoctorProfileForm();
        await using var check = _services.CreateAsyncScope();
        Assert.True(await Editor(check).LoadAsync(Principal(), userForm, profileForm));
        Assert.Equal("Gray", userForm.LastName);
        Assert.Equal("Cardiology", profileForm.Specialty);
    }

    [Fact]
    public async Task SaveAsync_ExtendedFieldAndUserFieldInvalid_BothReportedNothingSaved()
    {
        ProfileEditResult result;
        await using (var scope = _services.CreateAsyncScope())
        {
            result = await Editor(scope).SaveAsync(Principal(), new UserChangeViewModel { Email = "dr@", FirstName = "Dana", LastName = "Gray" }, new DoctorProfileForm { Specialty = "" });
        }

        Assert.Equal(
            [new ProfileEditError(ProfileEditForm.User, "Email", "Enter a valid email address."), new ProfileEditError(ProfileEditForm.Profile, "Specialty", "Enter a specialty.")],
            result.Errors);
        await using var check = _services.CreateAsyncScope();
        var context = check.ServiceProvider.GetRequiredService<DoctorProfilesTestDbContext>();
        Assert.Equal(string.Empty, (await context.Users.AsNoTracking().SingleAsync()).LastName);
        Assert.Equal(string.Empty, (await context.Profiles.AsNoTracking().SingleAsync()).Specialty);
    }

    private static IProfileEditor<DoctorProfile> Editor(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IProfileEditor<DoctorProfile>>();

    private ClaimsPrincipal Principal() => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _userId)], "Test"));
}
