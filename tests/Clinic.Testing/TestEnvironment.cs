namespace Clinic.Testing;

/// <summary>
/// Where the real services that <c>test.sh</c> starts can be reached. Tests that need one call the matching
/// <c>Require…</c> method: a missing service is a failure with a message that says how to provide it, never a skip.
/// </summary>
public static class TestEnvironment
{
    /// <summary>Npgsql connection string of a throw-away PostgreSQL server (database <c>postgres</c>, superuser).</summary>
    public static string RequirePostgres() => Require("CLINIC_TEST_POSTGRES", "a PostgreSQL connection string");

    /// <summary>StackExchange.Redis configuration string of a throw-away Redis server.</summary>
    public static string RequireRedis() => Require("CLINIC_TEST_REDIS", "a Redis endpoint such as 127.0.0.1:6390");

    /// <summary>A Python interpreter that can <c>import django</c> (Debian's python3-django).</summary>
    public static string RequireDjangoPython() => Require("CLINIC_TEST_DJANGO_PYTHON", "the path of a python3 with Django installed");

    /// <summary>The Chromium executable Playwright drives (Debian's <c>/usr/bin/chromium</c>).</summary>
    public static string RequireChromium() => Require("CLINIC_TEST_CHROMIUM", "the path of a Chromium executable");

    /// <summary>The repository root (the folder holding <c>Clinic.slnx</c>).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"This test needs {what} in the environment variable {variable}. Run the tests with ./test.sh, " +
                "which installs and starts the services on 127.0.0.1 and sets the variable.");
        }

        return value;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clinic.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Clinic.slnx was not found above " + AppContext.BaseDirectory);
    }
}
