using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Testing;

namespace Clinic.CookiesSessions.Tests.Django;

/// <summary>Runs operations in real Django (Debian's python3-django) through <c>django_signing.py</c>.</summary>
internal static class DjangoBridge
{
    public const long Now = 1_700_000_000;

    /// <summary>Runs <paramref name="operations"/> in one Python process with Django configured with <paramref name="secretKey"/>.</summary>
    public static IReadOnlyList<DjangoResult> Run(string secretKey, IEnumerable<object> operations, string hashing = "sha256")
    {
        var python = TestEnvironment.RequireDjangoPython();
        var script = Path.Combine(AppContext.BaseDirectory, "Django", "django_signing.py");
        var input = JsonSerializer.Serialize(new { secret_key = secretKey, hashing, ops = operations });

        using var process = Process.Start(new ProcessStartInfo(python, [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python did not start");
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("Django did not answer within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Django failed ({process.ExitCode}): {stderr.Result}");
        }

        var results = JsonNode.Parse(output)!.AsArray();
        return results.Select(r => new DjangoResult(r!["ok"], r["error"]?.GetValue<string>())).ToList();
    }

    public static DjangoResult RunOne(string secretKey, object operation, string hashing = "sha256") =>
        Run(secretKey, [operation], hashing)[0];
}

/// <summary>One operation's outcome: a value, or the name of the Django exception raised.</summary>
internal sealed record DjangoResult(JsonNode? Ok, string? Error)
{
    public string Value => Error is null ? Ok!.GetValue<string>() : throw new InvalidOperationException("Django raised " + Error);
}
