using Clinic.PageCount.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddClinicPageCount_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddClinicPageCount();
        services.AddClinicPageCount(o => o.CountAllEndpoints = true);

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PageCountFlushService));
        Assert.Single(services, d => d.ServiceType == typeof(IPageCountStore));
        Assert.Single(services, d => d.ServiceType == typeof(IPageCounts));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<PageCountOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.True(provider.GetRequiredService<IOptions<PageCountOptions>>().Value.CountAllEndpoints);
    }

    [Fact]
    public void AddClinicPageCount_NoStoreChosen_UsesInMemoryStore()
    {
        var services = new ServiceCollection();
        services.AddClinicPageCount();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<InMemoryPageCountStore>(provider.GetRequiredService<IPageCountStore>());
    }

    [Fact]
    public void UseEntityFrameworkStore_ThenAddAgain_KeepsEntityFrameworkStore()
    {
        var services = new ServiceCollection();
        services.AddClinicPageCount().UseEntityFrameworkStore<PageCountTestDbContext>();
        services.AddClinicPageCount();

        var store = Assert.Single(services, d => d.ServiceType == typeof(IPageCountStore));
        Assert.Equal(typeof(EntityFrameworkPageCountStore<PageCountTestDbContext>), store.ImplementationType);
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsWithMessageSayingWhatToFix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddClinicPageCount(o =>
        {
            o.FlushInterval = TimeSpan.Zero;
            o.VisitorHashKey = "short";
        });
        await using var app = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PageCountOptions.FlushInterval must be between 50 ms and 1 hour", e.Message, StringComparison.Ordinal);
        Assert.Contains("PageCountOptions.VisitorHashKey must be at least 16 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseClinicPageCount_WithoutAdd_ThrowsWithFix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        var e = Assert.Throws<InvalidOperationException>(() => app.UseClinicPageCount());
        Assert.Contains("services.AddClinicPageCount()", e.Message, StringComparison.Ordinal);
    }
}
