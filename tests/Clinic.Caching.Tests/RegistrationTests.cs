using Clinic.Caching.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddClinicCaching_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddClinicCaching();
        services.AddClinicCaching(o => o.KeyPrefix = "x");
        Assert.Single(services, d => d.ServiceType == typeof(IResponseCacheStore));
        Assert.Single(services, d => d.ServiceType == typeof(IResponseCacheInvalidator));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CachingOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("x", provider.GetRequiredService<IOptions<CachingOptions>>().Value.KeyPrefix);
    }

    [Fact]
    public void UseFileStore_ThenAddAgain_KeepsTheFileStore()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClinicCaching().UseFileStore(Path.GetTempPath());
        services.AddClinicCaching();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<FileResponseCacheStore>(provider.GetRequiredService<IResponseCacheStore>());
    }

    [Fact]
    public void UseMemoryStore_AfterAnotherStore_Wins()
    {
        var services = new ServiceCollection();
        services.AddClinicCaching().UseDistributedCacheStore().UseMemoryStore();
        Assert.Single(services, d => d.ServiceType == typeof(IResponseCacheStore));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<MemoryResponseCacheStore>(provider.GetRequiredService<IResponseCacheStore>());
    }

    [Fact]
    public void UseDistributedCacheStore_ResolvesWithAnyDistributedCache()
    {
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddClinicCaching().UseDistributedCacheStore();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<DistributedResponseCacheStore>(provider.GetRequiredService<IResponseCacheStore>());
    }

    [Theory]
    [InlineData("DefaultTimeout", "CachingOptions.DefaultTimeout is 00:00:00; set it between 1 second and 365 days (default 600 seconds).")]
    [InlineData("MaximumBodySize", "CachingOptions.MaximumBodySize is 0; set it between 1 byte and 1 GiB (default 1 MiB).")]
    [InlineData("MemorySizeLimit", "CachingOptions.MemorySizeLimit is 10; set it to at least 1024 bytes (default 100 MiB).")]
    [InlineData("ExcludedPaths", "CachingOptions.ExcludedPaths contains 'admin'; each entry must be a path prefix such as /admin.")]
    [InlineData("DiagnosticHeaderName", "CachingOptions.DiagnosticHeaderName must be a valid header name such as X-Clinic-Cache.")]
    public async Task Start_InvalidOptions_FailsWithAMessageThatSaysWhatToFix(string property, string message)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddClinicCaching(o =>
        {
            switch (property)
            {
                case "DefaultTimeout": o.DefaultTimeout = TimeSpan.Zero; break;
                case "MaximumBodySize": o.MaximumBodySize = 0; break;
                case "MemorySizeLimit": o.MemorySizeLimit = 10; break;
                case "ExcludedPaths": o.ExcludedPaths.Add("admin"); break;
                default: o.DiagnosticHeaderName = "X Bad"; break;
            }
        });
        await using var app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(message, error.Failures);
    }

    [Fact]
    public async Task Start_FileStoreWithoutMaxEntries_FailsWithAMessage()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddClinicCaching().UseFileStore(Path.GetTempPath(), o => o.MaxEntries = 0);
        await using var app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("FileStoreOptions.MaxEntries is 0; set it to at least 1 (default 300).", error.Failures);
    }
}
