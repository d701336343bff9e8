using System.Net;
using Microsoft.Data.Sqlite;

namespace Clinic.Erp.Tests;

public sealed class HomePageTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public HomePageTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task Get_FreshDatabase_ServesHomePageWithSeededDoctors()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"doctor-count\">2<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"patient-count\">5<", html, StringComparison.Ordinal);
        Assert.Contains("Gregory House", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_FreshDatabase_CreatesAndMigratesTheSqliteFile()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        response.EnsureSuccessStatusCode();

        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        var applied = (long)(await command.ExecuteScalarAsync())!;

        Assert.True(applied >= 1, "the migrations history table should list the applied migrations");
    }

    [Fact]
    public async Task Healthz_DatabaseReachable_ReportsHealthy()
    {
        using var client = _factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Get_UnknownPath_Returns404()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
