using System.Collections.Concurrent;

namespace Clinic.Caching.Tests;

/// <summary>Counts how often each page rendered.</summary>
internal sealed class RenderCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    /// <summary>Counts one render of <paramref name="name"/> and returns the new count.</summary>
    public int Next(string name) => _counts.AddOrUpdate(name, 1, (_, n) => n + 1);

    public int this[string name] => _counts.TryGetValue(name, out var n) ? n : 0;
}
