using System.Diagnostics;
using System.Text;
using Clinic.Testing;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>
/// Runs real Django (Debian's python3-django, with python3-argon2 and python3-bcrypt for those hashers) once to make
/// the password hashes the tests verify.
/// </summary>
public static class DjangoPython
{
    /// <summary>Django's argon2 hasher with its default parameters (m=102400, t=2, p=8): checked once, for success only.</summary>
    public const string Argon2Default = "argon2 default";

    /// <summary>Django's bcrypt_sha256 hasher with its default 12 rounds: checked once, for success only.</summary>
    public const string BcryptSha256Default = "bcrypt_sha256 default";

    // "argon2" and "bcrypt_sha256" are Django's hashers with lighter work factors (argon2 m=8192, p=2; bcrypt 4
    // rounds) so the many cases stay quick; the format and algorithms are Django's own.
    private static readonly string[] Algorithms = ["pbkdf2_sha256", "pbkdf2_sha1", "argon2", "bcrypt_sha256"];
    private static readonly string[] Passwords = ["correct horse 42", "pässwörd ünïcode ✓"];

    /// <summary>make_password(password, hasher) for every pair, from one Python process.</summary>
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
            "settings.configure()\n" +
            "import django\ndjango.setup()\n" +
            "try:\n" +
            "    import argon2, bcrypt\n" +
            "except ImportError as error:\n" +
            "    sys.stderr.write('missing Python module %s: install Debian\\'s python3-argon2 and python3-bcrypt' % error.name)\n" +
            "    sys.exit(3)\n" +
            "from django.contrib.auth import hashers as h\n" +
            "class LightArgon2(h.Argon2PasswordHasher):\n    memory_cost = 8192\n    parallelism = 2\n" +
            "class LightBCryptSHA256(h.BCryptSHA256PasswordHasher):\n    rounds = 4\n" +
            "made = {'pbkdf2_sha256': h.PBKDF2PasswordHasher(), 'pbkdf2_sha1': h.PBKDF2SHA1PasswordHasher(),\n" +
            "        'argon2': LightArgon2(), 'bcrypt_sha256': LightBCryptSHA256(),\n" +
            $"        '{Argon2Default}': h.Argon2PasswordHasher(), '{BcryptSha256Default}': h.BCryptSHA256PasswordHasher()}}\n" +
            "pairs = json.loads(sys.stdin.read())\n" +
            "sys.stdout.write(json.dumps([h.make_password(p, hasher=made[a]) for a, p in pairs]))\n");
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        List<(string Algorithm, string Password)> pairs =
        [
            .. Algorithms.SelectMany(a => Passwords.Select(p => (a, p))),
            (Argon2Default, Passwords[0]),
            (BcryptSha256Default, Passwords[0]),
        ];
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(System.Text.Json.JsonSerializer.Serialize(pairs.Select(x => new[] { x.Algorithm, x.Password })));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Django ({python}) failed to make password hashes (exit code {process.ExitCode}): {error}");
        }

        var hashes = System.Text.Json.JsonSerializer.Deserialize<string[]>(output)!;
        return pairs.Select((pair, i) => (pair, hashes[i])).ToDictionary(x => x.pair, x => x.Item2);
    }
}
