using System.Threading.Channels;
using Clinic.Profiles.Internal;

namespace Clinic.Profiles.Tests;

/// <summary>
/// Stands in for the store's cleanup, or wraps the real one: each run's outcome is scripted (a count, or an exception)
/// and every finished run is reported on a channel, so a test waits for the run instead of for time.
/// </summary>
internal sealed class ScriptedOrphanRemover(
    Func<TimeSpan, CancellationToken, Task<int>> run,
    Channel<(TimeSpan MinimumAge, int? Removed)>? runs = null) : IProfileOrphanRemover
{
    /// <summary>Finished runs; several removers (one per scope) may share one channel.</summary>
    public Channel<(TimeSpan MinimumAge, int? Removed)> Runs { get; } = runs ?? Channel.CreateUnbounded<(TimeSpan, int?)>();

    public async Task<int> RemoveOrphansAsync(TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        try
        {
            var removed = await run(minimumAge, cancellationToken);
            Runs.Writer.TryWrite((minimumAge, removed));
            return removed;
        }
        catch
        {
            Runs.Writer.TryWrite((minimumAge, null));
            throw;
        }
    }

    /// <summary>The next finished run; fails the test if none comes within a generous bound (a hang, not a timing check).</summary>
    public async Task<(TimeSpan MinimumAge, int? Removed)> NextRunAsync() =>
        await Runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
}
