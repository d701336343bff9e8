namespace Clinic.LoadTest;

/// <summary>A set of endpoints measured side by side; ratios are taken against <see cref="Baseline"/>.</summary>
internal sealed record Scenario(string Name, string Description, string Baseline, IReadOnlyList<Endpoint> Endpoints)
{
    /// <summary>Every scenario the harness knows. Package issues add theirs here and their endpoints to the host.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("rendering", "A plain endpoint writing precomputed bytes vs. the same page rendered per request (Razor component).",
            "plain",
            [new("plain", "/plain"), new("rendered", "/rendered")]),
    ];
}

/// <summary>One measured endpoint: a short label and the path (with query) on the host.</summary>
internal sealed record Endpoint(string Label, string Path);
