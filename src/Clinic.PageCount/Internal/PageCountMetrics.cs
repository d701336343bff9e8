using System.Diagnostics.Metrics;

namespace Clinic.PageCount.Internal;

/// <summary>The counters of the "Clinic.PageCount" meter.</summary>
internal sealed class PageCountMetrics
{
    public const string MeterName = "Clinic.PageCount";

    private readonly Meter _meter;
    private readonly Counter<long> _flushed;
    private readonly Counter<long> _flushFailures;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _visitorsDropped;
    private readonly Histogram<double> _flushDuration;

    public PageCountMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _flushed = _meter.CreateCounter<long>("clinic.pagecount.flushed", "{view}", "Views written to the store.");
        _flushFailures = _meter.CreateCounter<long>("clinic.pagecount.flush.failures", "{flush}", "Flushes the store refused; their views are kept and retried.");
        _dropped = _meter.CreateCounter<long>("clinic.pagecount.dropped", "{view}", "Views not counted: too many distinct pages, or a key too long.");
        _visitorsDropped = _meter.CreateCounter<long>("clinic.pagecount.visitors.dropped", "{visit}", "Unique visits not recorded: the pending set was full.");
        _flushDuration = _meter.CreateHistogram<double>("clinic.pagecount.flush.duration", "s", "Time to write one batch to the store.");
    }

    public void ObserveUnflushed(Func<long> unflushed) =>
        _meter.CreateObservableGauge("clinic.pagecount.unflushed", unflushed, "{view}", "Views counted in memory and not yet written to the store.");

    public void Flushed(long views, TimeSpan duration)
    {
        _flushed.Add(views);
        _flushDuration.Record(duration.TotalSeconds);
    }

    public void FlushFailed() => _flushFailures.Add(1);

    public void Dropped() => _dropped.Add(1);

    public void VisitorsDropped() => _visitorsDropped.Add(1);
}
