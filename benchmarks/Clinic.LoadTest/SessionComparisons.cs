using System.Globalization;
using System.Text;

namespace Clinic.LoadTest;

/// <summary>
/// The "sessions" scenario's goals as pairs, each the median of per-repetition ratios (both runs of a pair come from the
/// same repetition): Clinic vs. the built-in on the same store, and Clinic on SQLite vs. the built-in on Redis.
/// </summary>
internal static class SessionComparisons
{
    private static readonly (string Measured, string Against, string Goal)[] Pairs =
    [
        ("clinic-memory", "builtin-memory", ">= 1.5"),
        ("clinic-redis", "builtin-redis", ">= 1.5"),
        ("clinic-sqlite", "builtin-redis", ">= 1.0"),
    ];

    public static string ToMarkdown(IReadOnlyDictionary<string, List<WrkRun>> runs)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| comparison | median of per-rep ratios | min | max | goal |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var (measured, against, goal) in Pairs)
        {
            var ratios = runs[measured].Zip(runs[against], (m, a) => m.RequestsPerSecond / a.RequestsPerSecond).ToList();
            text.AppendLine(c, $"| {measured} / {against} | {Report.Median(ratios):N2} | {ratios.Min():N2} | {ratios.Max():N2} | {goal} |");
        }

        return text.ToString();
    }
}
