using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>The Razor partials shipped in the package render their fields and an antiforgery token.</summary>
public sealed class FormPartialTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s => s.AddControllersWithViews().AddApplicationPart(typeof(FormsController).Assembly).AddApplicationPart(typeof(ClinicUser).Assembly),
            pipeline: app => app.MapControllers());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("login", new[] { "name=\"Email\"", "name=\"Password\"", "name=\"RememberMe\"" })]
    [InlineData("register", new[] { "name=\"Email\"", "name=\"Password\"", "name=\"ConfirmPassword\"", "name=\"FirstName\"" })]
    [InlineData("change", new[] { "name=\"OldPassword\"", "name=\"NewPassword\"", "name=\"ConfirmNewPassword\"" })]
    [InlineData("set", new[] { "name=\"NewPassword\"", "name=\"ConfirmNewPassword\"" })]
    [InlineData("user", new[] { "name=\"Email\"", "name=\"LastName\"" })]
    public async Task Partial_Rendered_HasFieldsAndAntiforgeryToken(string form, string[] fields)
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/forms/" + form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        foreach (var field in fields)
        {
            Assert.Contains(field, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LoginPartial_UnderAFieldPrefix_PrefixesNamesAndIds()
    {
        using var client = _host.CreateClient();

        var html = await client.GetStringAsync("/forms/prefixed/Login");

        Assert.Contains("name=\"Login.Email\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Login_Email\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Login.Password\"", html, StringComparison.Ordinal);
        Assert.Contains("for=\"Login_RememberMe\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewModels_BoundWithPrefixes_TakeOnlyTheirOwnFields()
    {
        using var client = _host.CreateClient();

        var response = await client.PostAsync("/forms/two", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login.Email"] = "in@example.com",
            ["Login.Password"] = "login secret 1",
            ["Register.Email"] = "new@example.com",
            ["Register.Password"] = "register secret 2",
            ["Register.ConfirmPassword"] = "register secret 2",
        }));

        Assert.Equal("in@example.com|login secret 1|new@example.com|register secret 2|True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginPartial_WithPassword_NeverEchoesIt()
    {
        using var client = _host.CreateClient();

        var html = await client.GetStringAsync("/forms/login");

        Assert.Contains("value=\"a@example.com\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
    }
}
