using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Signals.Tests.Dispatch;

/// <summary>Receivers registered in dependency injection and the scoped <see cref="ISignalDispatcher"/>.</summary>
public sealed class DispatcherTests
{
    public sealed record OrderPlaced(int OrderId);

    public sealed record NobodyListens(int Value);

    private static readonly Signal<OrderPlaced> OrderPlacedSignal = new("OrderPlaced");

    public sealed class ScopedThing
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public sealed class Calls
    {
        public List<string> Names { get; } = [];

        public List<Guid> Scopes { get; } = [];
    }

    public sealed class FirstReceiver(Calls calls, ScopedThing thing) : ISignalReceiver<OrderPlaced>
    {
        public ValueTask ReceiveAsync(object? sender, OrderPlaced args, CancellationToken cancellationToken)
        {
            lock (calls)
            {
                calls.Names.Add("first:" + args.OrderId);
                calls.Scopes.Add(thing.Id);
            }

            return ValueTask.CompletedTask;
        }
    }

    public sealed class SecondReceiver(Calls calls) : ISignalReceiver<OrderPlaced>
    {
        public async ValueTask ReceiveAsync(object? sender, OrderPlaced args, CancellationToken cancellationToken)
        {
            await Task.Yield();
            lock (calls)
            {
                calls.Names.Add("second:" + args.OrderId);
            }
        }
    }

    public sealed class FailingReceiver : ISignalReceiver<OrderPlaced>
    {
        public ValueTask ReceiveAsync(object? sender, OrderPlaced args, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("receiver failed");
    }

    public sealed class TokenReceiver(Calls calls) : ISignalReceiver<OrderPlaced>
    {
        public ValueTask ReceiveAsync(object? sender, OrderPlaced args, CancellationToken cancellationToken)
        {
            calls.Names.Add("token:" + cancellationToken.CanBeCanceled);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public void AddClinicSignals_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddClinicSignals();
        services.AddClinicSignals();

        Assert.Single(services, d => d.ServiceType == typeof(ISignalDispatcher));
        Assert.Equal(ServiceLifetime.Scoped, services.Single(d => d.ServiceType == typeof(ISignalDispatcher)).Lifetime);
    }

    [Fact]
    public void AddSignalReceiver_SameReceiverTwice_RegistersOnceAndAddsTheDispatcher()
    {
        var services = new ServiceCollection();

        services.AddSignalReceiver<OrderPlaced, SecondReceiver>();
        services.AddSignalReceiver<OrderPlaced, SecondReceiver>();

        Assert.Single(services, d => d.ServiceType == typeof(ISignalReceiver<OrderPlaced>));
        Assert.Single(services, d => d.ServiceType == typeof(ISignalDispatcher));
    }

    [Fact]
    public void Send_DelegatesAndDiReceivers_DelegatesFirstThenReceiversInRegistrationOrder()
    {
        var signal = new Signal<OrderPlaced>();
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, FirstReceiver>().AddSignalReceiver<OrderPlaced, SecondReceiver>());
        var calls = provider.GetRequiredService<Calls>();
        signal.Connect((_, a) => calls.Names.Add("delegate:" + a.OrderId));
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().Send(signal, this, new OrderPlaced(7));

        Assert.Equal(["delegate:7", "first:7", "second:7"], calls.Names);
    }

    [Fact]
    public void Send_TwoScopes_ReceiversResolvedFromTheSendingScope()
    {
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, FirstReceiver>());
        var calls = provider.GetRequiredService<Calls>();
        using var scopeA = provider.CreateScope();
        using var scopeB = provider.CreateScope();

        scopeA.ServiceProvider.GetRequiredService<ISignalDispatcher>().Send(OrderPlacedSignal, null, new OrderPlaced(1));
        scopeB.ServiceProvider.GetRequiredService<ISignalDispatcher>().Send(OrderPlacedSignal, null, new OrderPlaced(2));

        Assert.Equal(scopeA.ServiceProvider.GetRequiredService<ScopedThing>().Id, calls.Scopes[0]);
        Assert.Equal(scopeB.ServiceProvider.GetRequiredService<ScopedThing>().Id, calls.Scopes[1]);
    }

    [Fact]
    public void Send_DiReceiverThrows_Propagates()
    {
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, FailingReceiver>().AddSignalReceiver<OrderPlaced, SecondReceiver>());
        using var scope = provider.CreateScope();

        Assert.Throws<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().Send(new Signal<OrderPlaced>(), null, new OrderPlaced(1)));
        Assert.Empty(provider.GetRequiredService<Calls>().Names);
    }

    [Fact]
    public void SendRobust_DelegateAndDiReceiverThrow_AllRunErrorsReturnedAndLogged()
    {
        var signal = new Signal<OrderPlaced>("OrderPlaced");
        signal.Connect((_, _) => throw new FormatException("delegate failed"));
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, FailingReceiver>().AddSignalReceiver<OrderPlaced, SecondReceiver>());
        using var scope = provider.CreateScope();

        var errors = scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().SendRobust(signal, null, new OrderPlaced(3));

        Assert.Equal(["second:3"], provider.GetRequiredService<Calls>().Names);
        Assert.Equal(2, errors.Count);
        Assert.IsType<FormatException>(errors[0].Exception);
        Assert.IsType<FailingReceiver>(errors[1].Receiver);
        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Id.Id == 2000).ToList();
        Assert.Equal(2, logs.Count);
        Assert.All(logs, r => Assert.Equal(LogLevel.Error, r.Level));
        Assert.Contains(logs, r => r.Message.Contains("FailingReceiver", StringComparison.Ordinal) && r.Message.Contains("OrderPlaced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_DiReceivers_AwaitedInOrderWithTheToken()
    {
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, SecondReceiver>().AddSignalReceiver<OrderPlaced, TokenReceiver>());
        await using var scope = provider.CreateAsyncScope();
        using var cts = new CancellationTokenSource();

        await scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().SendAsync(OrderPlacedSignal, null, new OrderPlaced(4), cts.Token);

        Assert.Equal(["second:4", "token:True"], provider.GetRequiredService<Calls>().Names);
    }

    [Fact]
    public async Task SendAsync_CancelledToken_Throws()
    {
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, SecondReceiver>());
        await using var scope = provider.CreateAsyncScope();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().SendAsync(OrderPlacedSignal, null, new OrderPlaced(4), new CancellationToken(true)));
        Assert.Empty(provider.GetRequiredService<Calls>().Names);
    }

    [Fact]
    public async Task SendRobustAsync_DiReceiverThrows_OthersRunAndErrorIsReturned()
    {
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, FailingReceiver>().AddSignalReceiver<OrderPlaced, SecondReceiver>());
        await using var scope = provider.CreateAsyncScope();

        var errors = await scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().SendRobustAsync(new Signal<OrderPlaced>(), null, new OrderPlaced(5));

        Assert.Single(errors);
        Assert.Equal(["second:5"], provider.GetRequiredService<Calls>().Names);
    }

    [Fact]
    public void Send_NoDiReceiverForTheArguments_RunsTheDelegatesOnly()
    {
        var signal = new Signal<NobodyListens>();
        var calls = 0;
        signal.Connect((_, _) => calls++);
        using var provider = Build(s => s.AddSignalReceiver<OrderPlaced, SecondReceiver>());
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<ISignalDispatcher>().Send(signal, null, new NobodyListens(1));

        Assert.Equal(1, calls);
        Assert.Empty(provider.GetRequiredService<Calls>().Names);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Calls>();
        services.AddScoped<ScopedThing>();
        services.AddLogging(b => b.AddFakeLogging());
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
