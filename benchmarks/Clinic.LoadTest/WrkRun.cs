using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Clinic.LoadTest;

/// <summary>One wrk run against one URL: requests per second, p99 latency, and errors.</summary>
internal sealed partial record WrkRun(double RequestsPerSecond, double P99Milliseconds, long Errors)
{
    public static async Task<WrkRun> RunAsync(string url, LoadOptions options, CancellationToken cancellationToken, string? script = null)
    {
        var arguments = new List<string>();
        if (options.ClientCore is { } core)
        {
            arguments.AddRange(["-c", core.ToString(CultureInfo.InvariantCulture), "wrk"]);
        }

        arguments.AddRange(
        [
            "-t", options.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", options.Seconds.ToString(CultureInfo.InvariantCulture) + "s",
            "--latency", url,
        ]);
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        var output = await ProcessRunner.RunToEndAsync(options.ClientCore is null ? "wrk" : "taskset", arguments, cancellationToken);
        return Parse(output);
    }

    public static WrkRun Parse(string output)
    {
        var rps = RequestsPerSecondPattern().Match(output);
        if (!rps.Success)
        {
            throw new InvalidOperationException("wrk printed no 'Requests/sec' line:\n" + output);
        }

        var p99 = P99Pattern().Match(output);
        var errors = 0L;
        foreach (Match m in ErrorCountsPattern().Matches(output))
        {
            errors += long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var non2xx = Non2xxPattern().Match(output);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return new WrkRun(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            p99.Success ? ToMilliseconds(p99.Groups[1].Value, p99.Groups[2].Value) : double.NaN,
            errors);
    }

    private static double ToMilliseconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            _ => number * 60_000,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondPattern();

    [GeneratedRegex(@"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99Pattern();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex ErrorCountsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxPattern();
}

/// <summary>Runs a process to completion and returns its standard output, failing loudly on a non-zero exit.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunToEndAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{await stderr}");
        }

        return await stdout;
    }
}
