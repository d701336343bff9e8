using System.Buffers.Binary;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

/// <summary>AUTH-08 with the default work factor: hash format, rehash of weaker and Django hashes at sign-in only.</summary>
public sealed class PasswordStorageTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            options: o => o.PasswordIterations = ClinicUsersDefaults.PasswordIterations,
            services: AccountEndpoints.AddAccountApp,
            pipeline: app => app.MapAccountEndpoints());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    [Trait("Case", "AUTH-08")]
    public async Task CreateAsync_DefaultOptions_StoresPbkdf2Sha512With210000IterationsAnd128BitSalt()
    {
        var user = await _host.CreateUserAsync("hash@example.com", Password);

        var (prf, iterations, saltLength) = Describe(await StoredHashAsync(user.Id));

        Assert.Equal(2, prf);
        Assert.Equal(210_000, iterations);
        Assert.True(saltLength >= 16);
    }

    [Fact]
    [Trait("Case", "AUTH-08")]
    public async Task SignIn_WeakerIdentityHash_IsRehashedOnlyOnSuccess()
    {
        var user = await _host.CreateUserAsync("weak@example.com", Password);
        var weak = new PasswordHasher<TestUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(user, Password);
        await SetStoredHashAsync(user.Id, weak);
        using var client = _host.CreateClient();

        Assert.StartsWith("error:", await client.LoginAsync("weak@example.com", "wrong password 1"), StringComparison.Ordinal);
        Assert.Equal(weak, await StoredHashAsync(user.Id));

        Assert.Equal("ok", await client.LoginAsync("weak@example.com", Password));
        Assert.Equal(210_000, Describe(await StoredHashAsync(user.Id)).Iterations);
    }

    [Fact]
    [Trait("Case", "AUTH-08")]
    public async Task SignIn_RealDjangoHash_IsUpgradedToIdentityFormatAndStillWorks()
    {
        var password = DjangoPasswordHasherTests.Unicode;
        var user = await _host.CreateUserAsync("django@example.com", Password);
        var django = (await DjangoPython.Hashes.Value)[("pbkdf2_sha256", password)];
        await SetStoredHashAsync(user.Id, django);
        using var client = _host.CreateClient();

        Assert.Equal("ok", await client.LoginAsync("django@example.com", password));

        var stored = await StoredHashAsync(user.Id);
        Assert.DoesNotContain('$', stored);
        Assert.Equal(210_000, Describe(stored).Iterations);
        using var again = _host.CreateClient();
        Assert.Equal("ok", await again.LoginAsync("django@example.com", password));
    }

    [Fact]
    [Trait("Case", "AUTH-07")]
    public async Task Validators_OneMebibytePassword_RejectedQuicklyWithoutException()
    {
        var huge = new string('a', 1024 * 1024);

        var errors = await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            var user = new TestUser { Email = "huge@example.com", FirstName = "Huge" };
            var all = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                all.AddRange((await validator.ValidateAsync(users, user, huge)).Errors);
            }

            return all;
        });

        Assert.Contains(errors, e => e.Code == "password_too_long");
    }

    private static (int Prf, int Iterations, int SaltLength) Describe(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
    }

    private Task<string> StoredHashAsync(string userId) =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<TestDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId)).PasswordHash!);

    private Task<int> SetStoredHashAsync(string userId, string hash) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash)));
}
