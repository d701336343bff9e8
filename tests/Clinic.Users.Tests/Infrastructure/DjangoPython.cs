using System.Diagnostics;
using System.Text;
using Clinic.Testing;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>Runs real Django (Debian's python3-django) once to make the password hashes the tests verify.</summary>
public static class DjangoPython
{
    private static readonly string[] Algorithms = ["pbkdf2_sha256", "pbkdf2_sha1"];
    private static readonly string[] Passwords = ["correct horse 42", "pässwörd ünïcode ✓"];

    /// <summary>make_password(password, hasher=algorithm) for every pair, from one Python process.</summary>
    public static Lazy<Task<Dictionary<(string Algorithm, string Password), string>>> Hashes { get; } = new(MakeAllAsync);

    private static async Task<Dictionary<(string Algorithm, string Password), string>> MakeAllAsync()
    {
        var python = TestEnvironment.RequireDjangoPython();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "import sys, json\n" +
            "from django.conf import settings\n" +
            "settings.configure(PASSWORD_HASHERS=['django.contrib.auth.hashers.PBKDF2PasswordHasher','django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher'])\n" +
            "import django\ndjango.setup()\n" +
            "from django.contrib.auth.hashers import make_password\n" +
            "pairs = json.loads(sys.stdin.read())\n" +
            "sys.stdout.write(json.dumps([make_password(p, hasher=a) for a, p in pairs]))\n");
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        var pairs = Algorithms.SelectMany(a => Passwords.Select(p => (a, p))).ToList();
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(System.Text.Json.JsonSerializer.Serialize(pairs.Select(x => new[] { x.a, x.p })));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Django failed to make password hashes: " + error);
        }

        var hashes = System.Text.Json.JsonSerializer.Deserialize<string[]>(output)!;
        return pairs.Select((pair, i) => (pair, hashes[i])).ToDictionary(x => x.pair, x => x.Item2);
    }
}
