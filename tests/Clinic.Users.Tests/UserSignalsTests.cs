using System.Collections.Concurrent;
using Clinic.Signals;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>The user signals are sent through Clinic.Signals, never carrying the password.</summary>
public sealed class UserSignalsTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private readonly Sink _recorder = new();
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddSingleton(_recorder);
                s.AddSignalReceiver<UserLoggedInArgs, Recorder>(ServiceLifetime.Singleton);
                s.AddSignalReceiver<UserLoggedOutArgs, Recorder>(ServiceLifetime.Singleton);
                s.AddSignalReceiver<UserLoginFailedArgs, Recorder>(ServiceLifetime.Singleton);
                s.AddSignalReceiver<UserCreatedArgs, GroupAssigner>();
            },
            pipeline: app => app.MapAccountEndpoints());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignInAndOut_Success_SendsLoggedInThenLoggedOut()
    {
        var user = await _host.CreateUserAsync("sig@example.com", Password);
        using var client = _host.CreateClient();

        await client.LoginAsync("sig@example.com", Password);
        await client.PostFormAsync("/logout", new Dictionary<string, string>());

        Assert.Equal([$"in:{user.Id}", $"out:{user.Id}"], _recorder.Events.Where(e => !e.StartsWith("failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_SendsLoginFailedWithoutPassword()
    {
        await _host.CreateUserAsync("fail@example.com", Password);
        using var client = _host.CreateClient();

        await client.LoginAsync("fail@EXAMPLE.com", "my secret guess");
        await client.LoginAsync("ghost@example.com", "another secret guess");

        Assert.Contains("failed:fail@example.com:wrong password", _recorder.Events);
        Assert.Contains("failed:ghost@example.com:unknown user", _recorder.Events);
        Assert.DoesNotContain(_recorder.Events, e => e.Contains("guess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_ReceiverAddsGroup_UserHasGroupPermissions()
    {
        await _host.CreateGroupAsync("Staff", "erp.view_patient");

        var user = await _host.CreateUserAsync("staff@clinic.example", Password);

        var permissions = await _host.InScopeAsync(sp => sp.GetRequiredService<IPermissionService>()
            .GetPermissionsAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id)], "Test"))).AsTask());
        Assert.True(permissions.HasPerm("erp.view_patient"));
    }

    private sealed class Sink
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyList<string> Events => [.. Queue];
    }

    private sealed class Recorder(Sink sink) : ISignalReceiver<UserLoggedInArgs>, ISignalReceiver<UserLoggedOutArgs>, ISignalReceiver<UserLoginFailedArgs>
    {
        private readonly ConcurrentQueue<string> _events = sink.Queue;

        public ValueTask ReceiveAsync(object? sender, UserLoggedInArgs args, CancellationToken cancellationToken)
        {
            _events.Enqueue("in:" + args.User.Id);
            return ValueTask.CompletedTask;
        }

        public ValueTask ReceiveAsync(object? sender, UserLoggedOutArgs args, CancellationToken cancellationToken)
        {
            _events.Enqueue("out:" + args.UserId);
            return ValueTask.CompletedTask;
        }

        public ValueTask ReceiveAsync(object? sender, UserLoginFailedArgs args, CancellationToken cancellationToken)
        {
            _events.Enqueue($"failed:{args.Email}:{args.Reason}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class GroupAssigner : ISignalReceiver<UserCreatedArgs>
    {
        public async ValueTask ReceiveAsync(object? sender, UserCreatedArgs args, CancellationToken cancellationToken)
        {
            if (args.User.Email!.EndsWith("@clinic.example", StringComparison.Ordinal))
            {
                var users = args.Services.GetRequiredService<ClinicUserManager<TestUser>>();
                await users.AddToGroupAsync((TestUser)args.User, "Staff");
            }
        }
    }
}
