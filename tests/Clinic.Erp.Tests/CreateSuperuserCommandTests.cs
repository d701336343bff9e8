using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

public sealed class CreateSuperuserCommandTests : IDisposable
{
    private const string Password = "violet-harbour-71";

    private readonly ErpFactory _factory = new();

    [Fact]
    public async Task Run_PasswordFromEnvironment_CreatesStaffSuperuserWhoCanSignIn()
    {
        var console = new FakeConsole();

        var code = await RunAsync(console, ["createsuperuser", "--email", "boss@clinic.test"], Password);

        Assert.Equal(0, code);
        Assert.Contains(console.Output, line => line.Contains("boss@clinic.test created", StringComparison.Ordinal));
        Assert.Empty(console.Prompts);
        var user = await FindAsync("boss@clinic.test");
        Assert.NotNull(user);
        Assert.True(user.IsSuperuser);
        Assert.True(user.IsStaff);
        Assert.True(user.IsActive);
        using var client = new FormClient(_factory);
        await client.PostFormAsync("/accounts/login/", string.Empty, [new("Email", "boss@clinic.test"), new("Password", Password)]);
        var (_, html) = await client.GetAsync("/accounts/password/change/");
        Assert.Contains("clinic-users-password-change", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoEnvironmentPassword_PromptsTwiceAndCreates()
    {
        var console = new FakeConsole(Password, Password);

        var code = await RunAsync(console, ["createsuperuser", "--email", "ops@clinic.test"], null);

        Assert.Equal(0, code);
        Assert.Equal(2, console.Prompts.Count);
        Assert.True((await FindAsync("ops@clinic.test"))?.IsSuperuser);
    }

    [Fact]
    public async Task Run_PromptedPasswordsDiffer_RefusedAndNoUser()
    {
        var console = new FakeConsole(Password, "something-else-22");

        var code = await RunAsync(console, ["createsuperuser", "--email", "ops@clinic.test"], null);

        Assert.Equal(1, code);
        Assert.Contains(console.Output, line => line.Contains("didn't match", StringComparison.Ordinal));
        Assert.Null(await FindAsync("ops@clinic.test"));
    }

    [Fact]
    public async Task Run_ExistingEmail_RefusedWithClearMessage()
    {
        var console = new FakeConsole();

        var code = await RunAsync(console, ["createsuperuser", "--email", DemoData.AdminEmail], Password);

        Assert.Equal(1, code);
        Assert.Contains(console.Output, line => line.Contains("already exists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WeakPassword_ValidatorMessagesAndNoUser()
    {
        var console = new FakeConsole();

        var code = await RunAsync(console, ["createsuperuser", "--email", "weak@clinic.test"], "12345678");

        Assert.Equal(1, code);
        Assert.Contains(console.Output, line => line.Contains("entirely numeric", StringComparison.Ordinal));
        Assert.Null(await FindAsync("weak@clinic.test"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-an-address")]
    public async Task Run_MissingOrBadEmail_UsageErrorAndNoUser(string? email)
    {
        var console = new FakeConsole();
        string[] args = email is null ? ["createsuperuser"] : ["createsuperuser", "--email", email];

        var code = await RunAsync(console, args, Password);

        Assert.Equal(2, code);
        Assert.NotEmpty(console.Output);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<int> RunAsync(FakeConsole console, string[] args, string? password)
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var command = new CreateSuperuserCommand(scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>(), console);
        return await command.RunAsync(args, password);
    }

    private async Task<ErpUser?> FindAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>().FindByEmailAsync(email);
    }

    private sealed class FakeConsole(params string[] answers) : ICommandConsole
    {
        private readonly Queue<string> _answers = new(answers);

        public List<string> Output { get; } = [];

        public List<string> Prompts { get; } = [];

        public void WriteLine(string message) => Output.Add(message);

        public string? ReadSecret(string prompt)
        {
            Prompts.Add(prompt);
            return _answers.TryDequeue(out var answer) ? answer : null;
        }
    }
}
