namespace Clinic.Signals.Tests.Dispatch;

/// <summary>Connecting, disconnecting and sending from many threads at once (SIG-04).</summary>
public sealed class ConcurrencyTests
{
    private sealed record Args(int Value);

    [Fact]
    [Trait("Case", "SIG-04")]
    public void SendWhileOthersConnectAndDisconnect_NeverThrowsSkipsOrDoublesAStableReceiver()
    {
        var signal = new Signal<Args>();
        long stableCalls = 0;
        signal.Connect((_, _) => Interlocked.Increment(ref stableCalls));
        var sends = new long[8];
        var errors = new List<Exception>();
        var deadline = DateTime.UtcNow.AddSeconds(1);

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                var random = new Random(t);
                for (var i = 0; i < 200_000 && DateTime.UtcNow < deadline; i++)
                {
                    switch (random.Next(4))
                    {
                        case 0:
                            using (signal.Connect((_, _) => { }, sender: random.Next(2) == 0 ? null : "x"))
                            {
                                signal.Send("x", new Args(i));
                                sends[t]++;
                            }

                            break;
                        case 1:
                            signal.Connect((_, _, _) => ValueTask.CompletedTask, dispatchId: "shared-" + random.Next(3));
                            signal.Disconnect("shared-" + random.Next(3));
                            break;
                        case 2:
                            Assert.Empty(signal.SendRobust(null, new Args(i)));
                            sends[t]++;
                            break;
                        default:
                            signal.SendAsync("y", new Args(i)).AsTask().GetAwaiter().GetResult();
                            sends[t]++;
                            break;
                    }
                }
            }
            catch (Exception ex)
            {
                lock (errors)
                {
                    errors.Add(ex);
                }
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        Assert.Equal(sends.Sum(), Interlocked.Read(ref stableCalls));
        for (var i = 0; i < 3; i++)
        {
            signal.Disconnect("shared-" + i);
        }

        Assert.Equal(1, signal.ReceiverCount);
    }

    [Fact]
    [Trait("Case", "SIG-04")]
    public void Connect_SameDispatchIdFromManyThreads_ConnectedOnce()
    {
        var signal = new Signal<Args>();
        var calls = 0;
        using var start = new ManualResetEventSlim();
        var handles = new SignalConnection[16];
        var threads = Enumerable.Range(0, handles.Length).Select(i => new Thread(() =>
        {
            start.Wait();
            handles[i] = signal.Connect((_, _) => Interlocked.Increment(ref calls), dispatchId: "once");
        })).ToList();
        threads.ForEach(t => t.Start());

        start.Set();
        threads.ForEach(t => t.Join());
        signal.Send(null, new Args(1));

        Assert.Equal(1, calls);
        Assert.Single(handles, h => h.IsConnected);
    }
}
