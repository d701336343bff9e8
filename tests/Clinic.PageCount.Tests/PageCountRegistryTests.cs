using Clinic.PageCount.Internal;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Tests;

public sealed class PageCountRegistryTests
{
    private static PageCountRegistry NewRegistry(Action<PageCountOptions>? configure = null, TestMeterFactory? meters = null)
    {
        var options = new PageCountOptions();
        configure?.Invoke(options);
        return new PageCountRegistry(Options.Create(options), new PageCountMetrics(meters ?? new TestMeterFactory()));
    }

    [Theory]
    [InlineData(PageCountDefaults.IdleFlushesBeforeEviction)]
    [InlineData(1)]
    public async Task Increment_ManyThreadsWhileDrainingAndEvicting_EveryViewDrainedExactlyOnce(int idleFlushesBeforeEviction)
    {
        var registry = NewRegistry(o => o.IdleFlushesBeforeEviction = idleFlushesBeforeEviction);
        const int threads = 8, perThread = 200_000;
        long drained = 0;
        using var stop = new CancellationTokenSource();
        var drainer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                drained += registry.Drain().Sum(d => d.Views + d.BotViews);
                registry.Complete();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var own = $"/c{t}";
            for (var i = 0; i < perThread; i++)
            {
                registry.Increment((i % 7) switch { 0 => "/a", 1 => "/b", _ => own }, bot: i % 10 == 0);
            }
        })));
        await stop.CancelAsync();
        await drainer;
        drained += registry.Drain().Sum(d => d.Views + d.BotViews);

        Assert.Equal((long)threads * perThread, drained);
    }

    [Fact]
    public void Increment_DifferentCase_SameCounterWithLowerCaseKey()
    {
        var registry = NewRegistry();
        Assert.Equal("/doctors", registry.Increment("/Doctors", bot: false));
        registry.Increment("/doctors", bot: true);

        var delta = Assert.Single(registry.Drain());
        Assert.Equal(new PageCountDelta("/doctors", 1, 1), delta);
    }

    [Fact]
    public void Increment_BeyondMaxPages_NotCountedAndReported()
    {
        using var meters = new TestMeterFactory();
        using var dropped = new MetricCollector<long>(meters, PageCountMetrics.MeterName, "clinic.pagecount.dropped");
        var registry = NewRegistry(o => o.MaxPages = 2, meters);

        Assert.NotNull(registry.Increment("/a", false));
        Assert.NotNull(registry.Increment("/b", false));
        Assert.Null(registry.Increment("/c", false));
        Assert.NotNull(registry.Increment("/a", false));

        Assert.Equal(2, registry.Count);
        Assert.Equal(1, dropped.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(["/a", "/b"], registry.Drain().Select(d => d.Page));
    }

    [Fact]
    public void Increment_KeyLongerThanMax_NotCounted()
    {
        var registry = NewRegistry(o => o.MaxKeyLength = 16);
        Assert.Null(registry.Increment("/" + new string('x', 16), false));
        Assert.Empty(registry.Drain());
    }

    [Fact]
    public void Drain_IdleCounter_EvictedAndCountedAgainOnNextView()
    {
        var registry = NewRegistry(o => o.IdleFlushesBeforeEviction = 1);
        registry.Increment("/a", false);
        Assert.Single(registry.Drain());
        Assert.Empty(registry.Drain());
        Assert.Equal(0, registry.Count);

        registry.Increment("/a", false);
        Assert.Equal(new PageCountDelta("/a", 1, 0), Assert.Single(registry.Drain()));
    }

    [Fact]
    public void Restore_AfterFailedWrite_ViewsComeBackEvenBeyondCap()
    {
        var registry = NewRegistry(o => o.MaxPages = 1);
        registry.Increment("/a", false);
        var drained = registry.Drain();
        Assert.Equal((1, 0), registry.Unflushed("/a"));

        registry.Restore([.. drained, new PageCountDelta("/b", 5, 2)]);

        Assert.Equal((1, 0), registry.Unflushed("/a"));
        Assert.Equal((5, 2), registry.Unflushed("/b"));
        Assert.Equal(8, registry.Drain().Sum(d => d.Views + d.BotViews));
    }

    [Fact]
    public void Increment_ExistingCounter_AllocatesNothing()
    {
        var registry = NewRegistry();
        registry.Increment("/a", false);
        registry.Increment("/a", true);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            registry.Increment("/a", (i & 1) == 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AddVisit_BeyondMaxPending_Refused()
    {
        var registry = NewRegistry(o => o.MaxPendingVisitors = 1);
        var day = new DateOnly(2026, 1, 2);
        Assert.True(registry.AddVisit(new PageVisit("/a", day, "v1")));
        Assert.True(registry.AddVisit(new PageVisit("/a", day, "v1")));
        Assert.False(registry.AddVisit(new PageVisit("/a", day, "v2")));
        Assert.Equal(1, registry.PendingVisits("/a", day));
    }

    [Fact]
    public void Generation_DuringWrite_OddUntilCompletedOrRestored()
    {
        var registry = NewRegistry();
        Assert.Equal(0, registry.Generation & 1);
        Assert.Empty(registry.Drain());
        Assert.Equal(0, registry.Generation & 1);

        registry.Increment("/a", false);
        var drained = registry.Drain();
        Assert.Equal(1, registry.Generation & 1);
        registry.Complete();
        Assert.Equal(0, registry.Generation & 1);

        registry.Increment("/a", false);
        drained = registry.Drain();
        var during = registry.Generation;
        registry.Restore(drained);
        Assert.Equal(1, during & 1);
        Assert.Equal(during + 1, registry.Generation);
    }
}
