using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

/// <summary>Runs alone: it measures the managed heap, which tests running beside it would disturb.</summary>
[CollectionDefinition(nameof(LongPasswordTests), DisableParallelization = true)]
public sealed class LongPasswordCollection
{
}

/// <summary>
/// AUTH-07: huge passwords are stopped by the form limit before any hashing, on sign-in and on password change,
/// also in parallel, without a server error and without keeping memory.
/// </summary>
[Collection(nameof(LongPasswordTests))]
public sealed class LongPasswordTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private const int MiB = 1024 * 1024;
    private readonly CountingHasher _hasher = new();
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<TestUser>>(_hasher));
            },
            pipeline: app => app.MapAccountEndpoints());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [Trait("Case", "AUTH-07")]
    [InlineData(MiB)]
    [InlineData(10 * MiB)]
    public async Task LoginAndChangePassword_HugePassword_RejectedBeforeHashing(int size)
    {
        await _host.CreateUserAsync("huge@example.com", Password);
        using var client = _host.CreateClient();
        Assert.Equal("ok", await client.LoginAsync("huge@example.com", Password));
        var huge = new string('x', size);
        var before = _hasher.Calls;

        using var anonymous = _host.CreateClient();
        var login = await anonymous.LoginAsync("huge@example.com", huge);
        var change = await client.PostFormAsync("/password/change", new Dictionary<string, string>
        {
            ["OldPassword"] = huge,
            ["NewPassword"] = huge,
            ["ConfirmNewPassword"] = huge,
        });

        Assert.Equal("400", login);
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal(before, _hasher.Calls);
        Assert.Equal(HttpStatusCode.OK, await client.ProfileAsync());
    }

    [Theory]
    [Trait("Case", "AUTH-07")]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task LoginAndChangePassword_LongButAllowedPassword_Accepted(int size)
    {
        var old = new string('o', size - 4) + "1x2y";
        var replacement = new string('n', size - 4) + "3z4w";
        await _host.CreateUserAsync("long@example.com", old);
        using var client = _host.CreateClient();

        Assert.Equal("ok", await client.LoginAsync("long@example.com", old));
        var change = await client.PostFormAsync("/password/change", new Dictionary<string, string>
        {
            ["OldPassword"] = old,
            ["NewPassword"] = replacement,
            ["ConfirmNewPassword"] = replacement,
        });

        Assert.Equal("ok", await change.Content.ReadAsStringAsync());
        using var fresh = _host.CreateClient();
        Assert.Equal("ok", await fresh.LoginAsync("long@example.com", replacement));
    }

    [Fact]
    [Trait("Case", "AUTH-07")]
    public async Task Login_TwentyParallelMebibytePasswords_AllRefusedWithoutHashingOrKeptMemory()
    {
        await _host.CreateUserAsync("parallel@example.com", Password);
        var huge = new string('x', MiB);
        // A first burst fills the buffer pools (ArrayPool and friends keep what they rent, by design); the second burst
        // is measured, so what it keeps is growth a leak would cause, not pool warm-up.
        var warm = await BurstAsync(huge);
        Assert.All(warm, r => Assert.Equal("400", r));
        var before = _hasher.Calls;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var replies = await BurstAsync(huge);

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.All(replies, r => Assert.Equal("400", r));
        Assert.Equal(before, _hasher.Calls);
        Assert.True(heapAfter - heapBefore < 64 * MiB, $"the managed heap kept {(heapAfter - heapBefore) / MiB} MiB after the burst");
        using var user = _host.CreateClient();
        Assert.Equal("ok", await user.LoginAsync("parallel@example.com", Password));
    }

    private Task<string[]> BurstAsync(string password) => Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
    {
        using var client = _host.CreateClient();
        return await client.LoginAsync("parallel@example.com", password);
    }));

    /// <summary>Clinic's hasher, counting every hash and verification.</summary>
    private sealed class CountingHasher : IPasswordHasher<TestUser>
    {
        private readonly DjangoPasswordHasher<TestUser> _inner = new(
            Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }),
            NullLogger<DjangoPasswordHasher<TestUser>>.Instance);

        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string HashPassword(TestUser user, string password)
        {
            Interlocked.Increment(ref _calls);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(TestUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _calls);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
