using Clinic.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

/// <summary>
/// The sample app on a throw-away SQLite file with demo data. The one host-building helper of the ERP tests:
/// in memory (TestServer) by default, or on a real loopback port for the browser via <see cref="StartOnLoopback"/>.
/// </summary>
public sealed class ErpFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-erp-tests-").FullName;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    /// <summary>The app with extra configuration, e.g. <c>Erp:Database</c> and connection strings (PostgreSQL + Redis).</summary>
    public static ErpFactory WithSettings(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var factory = new ErpFactory();
        foreach (var (key, value) in settings)
        {
            factory._settings[key] = value;
        }

        return factory;
    }

    /// <summary>The SQLite file this instance of the app uses.</summary>
    public string DatabasePath => Path.Combine(_folder, "erp.db");

    /// <summary>Serves the app on 127.0.0.1 with a free port (for Chromium) and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Erp", $"Data Source={DatabasePath};Pooling=false");
        builder.UseSetting("Erp:SeedDemoData", "true");
        builder.UseSetting("Erp:DataProtectionKeysPath", Path.Combine(_folder, "keys"));
        builder.UseSetting("Erp:MediaPath", Path.Combine(_folder, "media"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Fewer PBKDF2 iterations than production's 210,000 keep sign-ins fast in the tests (1,000 is the floor).
        builder.ConfigureServices(services => services.Configure<ClinicUsersOptions>(o => o.PasswordIterations = 1_000));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a late finalizer is left to the OS temp cleaner.
            }
        }
    }
}
