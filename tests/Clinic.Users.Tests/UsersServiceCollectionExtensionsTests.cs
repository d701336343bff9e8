using Clinic.Users.Internal;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

public sealed class UsersServiceCollectionExtensionsTests
{
    [Fact]
    public void AddClinicUsers_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<TestDbContext>(o => o.UseSqlite("Data Source=:memory:"));

        services.AddClinicUsers<TestUser, TestDbContext>();
        var count = services.Count;
        services.AddClinicUsers<TestUser, TestDbContext>(o => o.MinimumPasswordLength = 10);

        Assert.Equal(count + 1, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(IPermissionService));
        Assert.Single(services, d => d.ImplementationType == typeof(PermissionSynchronizer<TestDbContext>));
        Assert.Single(services, d => d.ServiceType == typeof(IAuthorizationHandler) && d.ImplementationType == typeof(PermissionAuthorizationHandler));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(10, provider.GetRequiredService<IOptions<ClinicUsersOptions>>().Value.MinimumPasswordLength);
    }

    [Fact]
    public void AddClinicUsers_OtherUserTypeSecondTime_Throws()
    {
        var services = new ServiceCollection();
        services.AddClinicUsers<TestUser, TestDbContext>();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddClinicUsers<ClinicUser, TestDbContext>());

        Assert.Contains("already called with TestUser", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddClinicUsers_Defaults_ConfigureIdentityAsDocumented()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<TestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddClinicUsers<TestUser, TestDbContext>();
        using var provider = services.BuildServiceProvider();

        var hasher = provider.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        var identity = provider.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(210_000, hasher.IterationCount);
        Assert.True(identity.User.RequireUniqueEmail);
        Assert.True(identity.Lockout.AllowedForNewUsers);
        Assert.False(identity.Password.RequireDigit);
        Assert.False(identity.Password.RequireNonAlphanumeric);
    }

    [Theory]
    [InlineData("PasswordIterations", "set it to at least 1,000")]
    [InlineData("MaximumPasswordLength", "at least 64")]
    [InlineData("DefaultAppLabel", "without dots or white space")]
    [InlineData("LoginPath", "must be a local path")]
    public async Task Start_InvalidOptions_FailsWithMessageSayingWhatToFix(string option, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDbContext<TestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        builder.Services.AddClinicUsers<TestUser, TestDbContext>(o =>
        {
            switch (option)
            {
                case "PasswordIterations":
                    o.PasswordIterations = 10;
                    break;
                case "MaximumPasswordLength":
                    o.MaximumPasswordLength = 10;
                    break;
                case "LoginPath":
                    o.LoginPath = "https://evil.example/login";
                    break;
                default:
                    o.DefaultAppLabel = "my app";
                    break;
            }
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
