namespace Clinic.Signals.Tests.Dispatch;

/// <summary>The dispatcher's behaviour, case by case as Django's dispatch tests check it.</summary>
public sealed class SignalTests
{
    private sealed record Args(int Value);

    [Fact]
    public void Send_NoReceivers_DoesNothing()
    {
        var signal = new Signal<Args>();

        signal.Send(this, new Args(1));

        Assert.False(signal.HasListeners());
        Assert.Equal(0, signal.ReceiverCount);
        Assert.Empty(signal.SendRobust(this, new Args(1)));
    }

    [Fact]
    public void Send_ConnectedReceiver_GetsSenderAndArgs()
    {
        var signal = new Signal<Args>();
        object? seenSender = null;
        Args? seenArgs = null;
        signal.Connect((sender, args) => (seenSender, seenArgs) = (sender, args));
        var sent = new Args(42);

        signal.Send(this, sent);

        Assert.Same(this, seenSender);
        Assert.Same(sent, seenArgs);
    }

    [Fact]
    public void Send_SeveralReceivers_RunInConnectionOrder()
    {
        var signal = new Signal<Args>();
        var order = new List<string>();
        signal.Connect((_, _) => order.Add("first"));
        signal.Connect((_, _, _) =>
        {
            order.Add("second");
            return ValueTask.CompletedTask;
        });
        signal.Connect((_, _) => order.Add("third"), sender: this);

        signal.Send(this, new Args(1));

        Assert.Equal(["first", "second", "third"], order);
    }

    [Fact]
    public void Send_ReceiverConnectedForOneSender_OnlyThatSenderReachesIt()
    {
        var signal = new Signal<Args>();
        var senderA = new object();
        var senderB = new object();
        var calls = new List<string>();
        signal.Connect((_, _) => calls.Add("any"));
        signal.Connect((_, _) => calls.Add("A"), sender: senderA);

        signal.Send(senderB, new Args(1));
        signal.Send(null, new Args(1));
        signal.Send(senderA, new Args(1));

        Assert.Equal(["any", "any", "any", "A"], calls);
    }

    [Fact]
    public void Send_SenderComparedByEquality_EqualStringSenderReaches()
    {
        var signal = new Signal<Args>();
        var calls = 0;
        signal.Connect((_, _) => calls++, sender: "billing");

        signal.Send(new string("billing".AsSpan()), new Args(1));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void HasListeners_WithSender_TrueOnlyWhenASendFromItWouldReachAReceiver()
    {
        var signal = new Signal<Args>();
        var senderA = new object();
        signal.Connect((_, _) => { }, sender: senderA);

        Assert.True(signal.HasListeners());
        Assert.True(signal.HasListeners(senderA));
        Assert.False(signal.HasListeners(new object()));
        Assert.False(signal.HasListeners(null));

        signal.Connect((_, _) => { });
        Assert.True(signal.HasListeners(new object()));
    }

    [Fact]
    public void Connect_SameDelegateTwice_ConnectedOnce()
    {
        var signal = new Signal<Args>();
        var calls = 0;
        SignalReceiver<Args> receiver = (_, _) => calls++;

        using var first = signal.Connect(receiver);
        using var second = signal.Connect(receiver);
        signal.Send(null, new Args(1));

        Assert.Equal(1, calls);
        Assert.Equal(1, signal.ReceiverCount);
        Assert.True(first.IsConnected);
        Assert.False(second.IsConnected);
    }

    [Fact]
    public void Connect_SameDelegateForTwoSenders_ConnectedTwice()
    {
        var signal = new Signal<Args>();
        SignalReceiver<Args> receiver = (_, _) => { };

        signal.Connect(receiver, sender: "a");
        signal.Connect(receiver, sender: "b");

        Assert.Equal(2, signal.ReceiverCount);
    }

    [Fact]
    [Trait("Case", "SIG-04")]
    public void Connect_SameDispatchIdTwiceWithDifferentDelegates_OnlyTheFirstRuns()
    {
        var signal = new Signal<Args>();
        var calls = new List<string>();

        var first = signal.Connect((_, _) => calls.Add("first"), dispatchId: "audit");
        var second = signal.Connect((_, _) => calls.Add("second"), dispatchId: "audit");
        signal.Send(null, new Args(1));

        Assert.Equal(["first"], calls);
        Assert.False(second.IsConnected);
        second.Dispose();
        Assert.True(first.IsConnected);
    }

    [Fact]
    public void Connect_SameDispatchIdForDifferentSenders_BothConnected()
    {
        var signal = new Signal<Args>();

        signal.Connect((_, _) => { }, sender: "a", dispatchId: "audit");
        signal.Connect((_, _) => { }, sender: "b", dispatchId: "audit");

        Assert.Equal(2, signal.ReceiverCount);
    }

    [Fact]
    public void Disconnect_ByReceiver_RemovesIt()
    {
        var signal = new Signal<Args>();
        var calls = 0;
        SignalReceiver<Args> receiver = (_, _) => calls++;
        signal.Connect(receiver);

        Assert.True(signal.Disconnect(receiver));
        signal.Send(null, new Args(1));

        Assert.Equal(0, calls);
        Assert.False(signal.HasListeners());
        Assert.False(signal.Disconnect(receiver));
    }

    [Fact]
    public void Disconnect_AsyncReceiver_RemovesIt()
    {
        var signal = new Signal<Args>();
        AsyncSignalReceiver<Args> receiver = (_, _, _) => ValueTask.CompletedTask;
        signal.Connect(receiver);

        Assert.True(signal.Disconnect(receiver));
        Assert.False(signal.HasListeners());
    }

    [Fact]
    public void Disconnect_ByReceiverWithOtherSender_LeavesItConnected()
    {
        var signal = new Signal<Args>();
        SignalReceiver<Args> receiver = (_, _) => { };
        signal.Connect(receiver, sender: "a");

        Assert.False(signal.Disconnect(receiver));
        Assert.False(signal.Disconnect(receiver, sender: "b"));
        Assert.True(signal.Disconnect(receiver, sender: "a"));
        Assert.Equal(0, signal.ReceiverCount);
    }

    [Fact]
    public void Disconnect_ByDispatchId_RemovesThatReceiverOnly()
    {
        var signal = new Signal<Args>();
        var calls = new List<string>();
        signal.Connect((_, _) => calls.Add("audit"), dispatchId: "audit");
        signal.Connect((_, _) => calls.Add("mail"), dispatchId: "mail");

        Assert.True(signal.Disconnect("audit"));
        Assert.False(signal.Disconnect("audit"));
        signal.Send(null, new Args(1));

        Assert.Equal(["mail"], calls);
    }

    [Fact]
    public void Dispose_Handle_DisconnectsAndIsIdempotent()
    {
        var signal = new Signal<Args>();
        var calls = 0;
        var handle = signal.Connect((_, _) => calls++);
        var other = signal.Connect((_, _) => { });

        handle.Dispose();
        handle.Dispose();
        signal.Send(null, new Args(1));

        Assert.Equal(0, calls);
        Assert.False(handle.IsConnected);
        Assert.True(other.IsConnected);
        Assert.Equal(1, signal.ReceiverCount);
    }

    [Fact]
    public void Dispose_HandleAfterDisconnectAndReconnect_LeavesNewConnection()
    {
        var signal = new Signal<Args>();
        SignalReceiver<Args> receiver = (_, _) => { };
        var old = signal.Connect(receiver);
        signal.Disconnect(receiver);
        var current = signal.Connect(receiver);

        old.Dispose();

        Assert.True(current.IsConnected);
        Assert.Equal(1, signal.ReceiverCount);
    }

    [Fact]
    public void Send_ReceiverThrows_StopsTheSendAndPropagates()
    {
        var signal = new Signal<Args>();
        var later = 0;
        signal.Connect((_, _) => throw new InvalidOperationException("boom"));
        signal.Connect((_, _) => later++);

        var ex = Assert.Throws<InvalidOperationException>(() => signal.Send(null, new Args(1)));

        Assert.Equal("boom", ex.Message);
        Assert.Equal(0, later);
    }

    [Fact]
    public void SendRobust_ReceiversThrow_EveryReceiverRunsAndErrorsAreReturnedWithTheirReceivers()
    {
        var signal = new Signal<Args>();
        var ran = new List<string>();
        SignalReceiver<Args> failing = (_, _) =>
        {
            ran.Add("failing");
            throw new InvalidOperationException("first");
        };
        AsyncSignalReceiver<Args> failingAsync = async (_, _, _) =>
        {
            await Task.Yield();
            ran.Add("failingAsync");
            throw new FormatException("second");
        };
        signal.Connect(failing);
        signal.Connect((_, _) => ran.Add("ok"));
        signal.Connect(failingAsync);

        var errors = signal.SendRobust(null, new Args(1));

        Assert.Equal(["failing", "ok", "failingAsync"], ran);
        Assert.Equal(2, errors.Count);
        Assert.Same(failing, errors[0].Receiver);
        Assert.IsType<InvalidOperationException>(errors[0].Exception);
        Assert.Same(failingAsync, errors[1].Receiver);
        Assert.IsType<FormatException>(errors[1].Exception);
        Assert.Contains("FormatException: second", errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Send_AsyncReceiverThatYields_WaitsForIt()
    {
        var signal = new Signal<Args>();
        var done = false;
        signal.Connect(async (_, _, _) =>
        {
            await Task.Delay(10, CancellationToken.None);
            done = true;
        });

        signal.Send(null, new Args(1));

        Assert.True(done);
    }

    [Fact]
    public async Task SendAsync_MixedReceivers_RunOneAfterTheOtherInOrder()
    {
        var signal = new Signal<Args>();
        var order = new List<string>();
        signal.Connect(async (_, _, _) =>
        {
            await Task.Yield();
            order.Add("async1");
        });
        signal.Connect((_, _) => order.Add("sync"));
        signal.Connect(async (_, _, _) =>
        {
            await Task.Delay(5, CancellationToken.None);
            order.Add("async2");
        });

        await signal.SendAsync(null, new Args(1));

        Assert.Equal(["async1", "sync", "async2"], order);
    }

    [Fact]
    public async Task SendAsync_ReceiverThrows_PropagatesAndStops()
    {
        var signal = new Signal<Args>();
        var later = 0;
        signal.Connect(async (_, _, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async boom");
        });
        signal.Connect((_, _) => later++);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await signal.SendAsync(null, new Args(1)));
        Assert.Equal(0, later);
    }

    [Fact]
    public async Task SendAsync_TokenCancelledDuringASend_StopsBeforeTheNextReceiverAndPassesTheToken()
    {
        var signal = new Signal<Args>();
        using var cts = new CancellationTokenSource();
        CancellationToken seen = default;
        var later = 0;
        signal.Connect(async (_, _, token) =>
        {
            await Task.Yield();
            seen = token;
            await cts.CancelAsync();
        });
        signal.Connect((_, _) => later++);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await signal.SendAsync(null, new Args(1), cts.Token));

        Assert.Equal(cts.Token, seen);
        Assert.Equal(0, later);
    }

    [Fact]
    public async Task SendRobustAsync_ReceiversThrow_CollectsEveryError()
    {
        var signal = new Signal<Args>();
        var ran = 0;
        signal.Connect(async (_, _, _) =>
        {
            await Task.Yield();
            ran++;
            throw new InvalidOperationException("a");
        });
        signal.Connect((_, _) =>
        {
            ran++;
            throw new InvalidOperationException("b");
        });
        signal.Connect((_, _) => ran++);

        var errors = await signal.SendRobustAsync(null, new Args(1));

        Assert.Equal(3, ran);
        Assert.Equal(["a", "b"], errors.Select(e => e.Exception.Message));
    }

    [Fact]
    public async Task SendRobustAsync_Cancelled_ThrowsInsteadOfCollecting()
    {
        var signal = new Signal<Args>();
        using var cts = new CancellationTokenSource();
        signal.Connect((_, _, token) =>
        {
            cts.Cancel();
            token.ThrowIfCancellationRequested();
            return ValueTask.CompletedTask;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await signal.SendRobustAsync(null, new Args(1), cts.Token));
    }

    [Fact]
    public void Send_ReceiverDisconnectsALaterReceiver_TheSendThatBeganStillRunsIt()
    {
        var signal = new Signal<Args>();
        var calls = new List<string>();
        SignalReceiver<Args> later = (_, _) => calls.Add("later");
        signal.Connect((_, _) =>
        {
            calls.Add("first");
            signal.Disconnect(later);
        });
        signal.Connect(later);

        signal.Send(null, new Args(1));
        signal.Send(null, new Args(2));

        Assert.Equal(["first", "later", "first"], calls);
    }

    [Fact]
    public void Send_ReceiverConnectsAnother_TheNewOneRunsFromTheNextSend()
    {
        var signal = new Signal<Args>();
        var calls = new List<string>();
        signal.Connect((_, _) =>
        {
            calls.Add("first");
            signal.Connect((_, _) => calls.Add("added"), dispatchId: "added");
        });

        signal.Send(null, new Args(1));
        signal.Send(null, new Args(2));

        Assert.Equal(["first", "first", "added"], calls);
    }

    [Fact]
    [Trait("Case", "SIG-04")]
    public void ConnectAndDispose_TenThousandTimes_ReceiverCountStaysConstant()
    {
        var signal = new Signal<Args>();
        signal.Connect((_, _) => { });
        for (var i = 0; i < 10_000; i++)
        {
            var captured = i;
            using var handle = signal.Connect((_, a) => _ = a.Value + captured);
            Assert.Equal(2, signal.ReceiverCount);
        }

        Assert.Equal(1, signal.ReceiverCount);
    }

    [Fact]
    [Trait("Case", "SIG-04")]
    public void Dispose_Handle_ReceiverAndItsTargetCanBeCollected()
    {
        var signal = new Signal<Args>();
        var target = ConnectAndDisconnect(signal);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(target.IsAlive);
        Assert.Equal(0, signal.ReceiverCount);
    }

    [Fact]
    public void Send_ThreePlainReceivers_AllocatesNothing()
    {
        var signal = new Signal<Args>();
        var total = 0;
        signal.Connect((_, a) => total += a.Value);
        signal.Connect((_, a) => total += a.Value);
        signal.Connect((_, a) => total += a.Value);
        var args = new Args(1);
        signal.Send(this, args);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            signal.Send(this, args);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(3003, total);
    }

    [Fact]
    public void Send_SenderFilteredReceivers_AllocatesNothing()
    {
        var signal = new Signal<Args>();
        var total = 0;
        signal.Connect((_, a) => total += a.Value, sender: this);
        signal.Connect((_, a) => total += a.Value);
        var args = new Args(1);
        signal.Send(this, args);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            signal.Send(this, args);
            signal.Send(null, args);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3002, total);
    }

    [Fact]
    public void Constructor_NoName_UsesTheArgumentsTypeName()
    {
        Assert.Equal("Args", new Signal<Args>().Name);
        Assert.Equal("UserLoggedIn", new Signal<Args>("UserLoggedIn").Name);
        Assert.Contains("UserLoggedIn", new Signal<Args>("UserLoggedIn").ToString(), StringComparison.Ordinal);
    }

    private static WeakReference ConnectAndDisconnect(Signal<Args> signal)
    {
        var target = new Holder();
        var handle = signal.Connect(target.Receive);
        signal.Send(null, new Args(1));
        handle.Dispose();
        return new WeakReference(target);
    }

    private sealed class Holder
    {
        private readonly byte[] _payload = new byte[1024];

        public void Receive(object? sender, Args args) => _payload[0] = (byte)args.Value;
    }
}
