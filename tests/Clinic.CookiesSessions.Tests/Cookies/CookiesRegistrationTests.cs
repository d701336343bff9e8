using Clinic.CookiesSessions.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Tests.Cookies;

public sealed class CookiesRegistrationTests
{
    [Fact]
    public void AddClinicCookies_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddClinicCookies();
        var count = services.Count;
        services.AddClinicCookies();

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(ICookieSigner));
    }

    [Fact]
    public void UseDjangoCookieSigner_BeforeOrAfterSecondAdd_Wins()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddClinicCookies().UseDjangoCookieSigner(o => o.SecretKey = "k");
        services.AddClinicCookies();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<DjangoCookieSigner>(provider.GetRequiredService<ICookieSigner>());
    }

    [Fact]
    public void AddClinicCookies_Default_UsesDataProtectionSigner()
    {
        using var provider = new ServiceCollection().AddLogging().AddClinicCookies().Services.BuildServiceProvider();
        Assert.IsType<DataProtectionCookieSigner>(provider.GetRequiredService<ICookieSigner>());
    }

    [Fact]
    public void DjangoSigningOptions_EmptySecretKey_FailsWithMessage()
    {
        using var provider = new ServiceCollection().AddLogging().AddClinicCookies().UseDjangoCookieSigner(_ => { }).Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DjangoSigningOptions>>().Value);
        Assert.Contains("DjangoSigningOptions.SecretKey is empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app", null, 4096, "ClinicCookieOptions.Path must start with '/'")]
    [InlineData("/", "a;b", 4096, "ClinicCookieOptions.Domain must be null")]
    [InlineData("/", null, 5000, "ClinicCookieOptions.MaxCookieSize must be between 64 and 4096")]
    public void ClinicCookieOptions_Invalid_FailsWithMessage(string path, string? domain, int size, string message)
    {
        using var provider = new ServiceCollection().AddLogging().AddClinicCookies(o =>
        {
            o.Path = path;
            o.Domain = domain;
            o.MaxCookieSize = size;
        }).Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClinicCookieOptions>>().Value);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
