namespace Clinic.Users.Admin.Internal;

/// <summary>What deleting some objects would do: the objects deleted with them, and what prevents it.</summary>
internal sealed class AdminDeletePlan
{
    /// <summary>Objects to delete, depth-first, as (depth, "Verbose name: repr").</summary>
    public List<(int Depth, string Text)> Deleted { get; } = [];

    /// <summary>Objects per verbose plural name, as Django's summary shows.</summary>
    public Dictionary<string, int> Summary { get; } = new(StringComparer.Ordinal);

    /// <summary>Related objects that block the deletion (a required reference that does not cascade).</summary>
    public List<string> Protected { get; } = [];

    /// <summary>Whether more objects are deleted than listed.</summary>
    public bool Truncated { get; set; }
}
