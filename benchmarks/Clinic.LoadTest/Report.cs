using System.Globalization;
using System.Text;

namespace Clinic.LoadTest;

/// <summary>Turns the repetitions into a markdown table: medians, min/max, and the median of per-repetition ratios.</summary>
internal static class Report
{
    public static string ToMarkdown(Scenario scenario, LoadOptions options, IReadOnlyDictionary<string, List<WrkRun>> runs, IReadOnlyDictionary<string, long> bodySizes)
    {
        var baseline = runs[scenario.Baseline];
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Scenario `{scenario.Name}`: {scenario.Description}");
        text.AppendLine(c, $"wrk -t{options.Threads} -c{options.Connections} -d{options.Seconds}s, {options.Repetitions} alternated repetitions, " +
            $"server on core {options.ServerCore?.ToString(c) ?? "any"}, wrk on core {options.ClientCore?.ToString(c) ?? "any"}.");
        text.AppendLine();
        text.AppendLine("| endpoint | median req/s | min | max | median p99 ms | ratio to baseline (median of per-rep ratios) | errors | body bytes |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var endpoint in scenario.Endpoints)
        {
            var series = runs[endpoint.Label];
            var ratios = series.Select((run, i) => run.RequestsPerSecond / baseline[i].RequestsPerSecond).ToList();
            var label = endpoint.Label == scenario.Baseline ? endpoint.Label + " (baseline)" : endpoint.Label;
            text.AppendLine(c,
                $"| {label} | {Median(series.Select(r => r.RequestsPerSecond)):N0} | {series.Min(r => r.RequestsPerSecond):N0} | " +
                $"{series.Max(r => r.RequestsPerSecond):N0} | {Median(series.Select(r => r.P99Milliseconds)):N2} | " +
                $"{Median(ratios):N2} | {series.Sum(r => r.Errors)} | {bodySizes[endpoint.Label]} |");
        }

        return text.ToString();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
