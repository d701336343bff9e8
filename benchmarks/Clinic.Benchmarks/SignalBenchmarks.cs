using BenchmarkDotNet.Attributes;
using Clinic.Signals;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- --filter '*SignalBenchmarks*' --job short

namespace Clinic.Benchmarks;

/// <summary>
/// A synchronous send of a <see cref="Signal{TArgs}"/> to 0, 1, 3 and 10 receivers, against calling the same work as
/// delegates directly (the floor, the baseline), MediatR 5.1.0's publish and the source-generated Mediator 3.0.2's
/// publish, each with handlers doing the same work.
/// </summary>
[MemoryDiagnoser]
public class SignalBenchmarks
{
    private readonly SignalBenchArgs _args = new(1);
    private readonly Signal<SignalBenchArgs> _signal = new("Bench");
    private SignalReceiver<SignalBenchArgs>[] _direct = [];
    private ServiceProvider _provider = null!;
    private IServiceScope _scope = null!;
    private ISignalDispatcher _dispatcher = null!;
    private MediatR.Mediator _mediatR = null!;
    private global::Mediator.Mediator _mediator = null!;
    private readonly SignalBenchNote0 _note0 = new(1);
    private readonly SignalBenchNote1 _note1 = new(1);
    private readonly SignalBenchNote3 _note3 = new(1);
    private readonly SignalBenchNote10 _note10 = new(1);

    /// <summary>How many receivers (handlers) the send reaches.</summary>
    [Params(0, 1, 3, 10)]
    public int Receivers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _direct = new SignalReceiver<SignalBenchArgs>[Receivers];
        for (var i = 0; i < Receivers; i++)
        {
            // Distinct delegates, as distinct receivers would be.
            var id = i;
            SignalReceiver<SignalBenchArgs> receiver = (_, a) => SignalBenchSink.Add(a.Value + (id & 0));
            _direct[i] = receiver;
            _signal.Connect(receiver);
        }

        var services = new ServiceCollection();
        services.AddClinicSignals();
        services.AddMediator(o => o.ServiceLifetime = ServiceLifetime.Singleton);
        foreach (var type in typeof(SignalBenchmarks).Assembly.GetTypes())
        {
            if (!type.IsAbstract && type.IsClass && type.Name.StartsWith("SignalBenchHandler", StringComparison.Ordinal))
            {
                foreach (var contract in type.GetInterfaces())
                {
                    if (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(MediatR.INotificationHandler<>))
                    {
                        services.AddSingleton(contract, type);
                    }
                }
            }
        }

        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
        _dispatcher = _scope.ServiceProvider.GetRequiredService<ISignalDispatcher>();
        var provider = _provider;
        _mediatR = new MediatR.Mediator(type => provider.GetService(type)!);
        _mediator = _provider.GetRequiredService<global::Mediator.Mediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "direct delegate calls")]
    public void Direct()
    {
        var direct = _direct;
        for (var i = 0; i < direct.Length; i++)
        {
            direct[i](this, _args);
        }
    }

    [Benchmark(Description = "Signal.Send")]
    public void SignalSend() => _signal.Send(this, _args);

    [Benchmark(Description = "Signal.SendAsync")]
    public ValueTask SignalSendAsync() => _signal.SendAsync(this, _args);

    [Benchmark(Description = "ISignalDispatcher.Send")]
    public void DispatcherSend() => _dispatcher.Send(_signal, this, _args);

    [Benchmark(Description = "MediatR 5.1.0 Publish")]
    public Task MediatRPublish() => Receivers switch
    {
        0 => _mediatR.Publish(_note0),
        1 => _mediatR.Publish(_note1),
        3 => _mediatR.Publish(_note3),
        _ => _mediatR.Publish(_note10),
    };

    [Benchmark(Description = "Mediator 3.0.2 Publish")]
    public ValueTask MediatorPublish() => Receivers switch
    {
        0 => _mediator.Publish(_note0),
        1 => _mediator.Publish(_note1),
        3 => _mediator.Publish(_note3),
        _ => _mediator.Publish(_note10),
    };
}

/// <summary>The arguments every benchmark receiver gets.</summary>
public sealed record SignalBenchArgs(int Value);

/// <summary>Where every receiver adds its value, so no call is optimised away.</summary>
public static class SignalBenchSink
{
    private static long _total;

    public static long Total => _total;

    public static void Add(int value) => _total += value;
}

/// <summary>A notification of the mediator benchmarks; one type per receiver count.</summary>
public abstract class SignalBenchNote(int value)
{
    public int Value { get; } = value;
}

// Publishing to no handler is one of the measured cases, so Mediator's "message without handler" warning is expected.
#pragma warning disable MSG0005
public sealed class SignalBenchNote0(int value) : SignalBenchNote(value), MediatR.INotification, Mediator.INotification;
#pragma warning restore MSG0005
public sealed class SignalBenchNote1(int value) : SignalBenchNote(value), MediatR.INotification, Mediator.INotification;
public sealed class SignalBenchNote3(int value) : SignalBenchNote(value), MediatR.INotification, Mediator.INotification;
public sealed class SignalBenchNote10(int value) : SignalBenchNote(value), MediatR.INotification, Mediator.INotification;

/// <summary>A handler for both mediators doing the receivers' work.</summary>
public abstract class SignalBenchHandler<TNote> : MediatR.INotificationHandler<TNote>, Mediator.INotificationHandler<TNote>
    where TNote : SignalBenchNote, MediatR.INotification, Mediator.INotification
{
    public Task Handle(TNote notification, CancellationToken cancellationToken)
    {
        SignalBenchSink.Add(notification.Value);
        return Task.CompletedTask;
    }

    ValueTask Mediator.INotificationHandler<TNote>.Handle(TNote notification, CancellationToken cancellationToken)
    {
        SignalBenchSink.Add(notification.Value);
        return ValueTask.CompletedTask;
    }
}

public sealed class SignalBenchHandler1x0 : SignalBenchHandler<SignalBenchNote1>;
public sealed class SignalBenchHandler3x0 : SignalBenchHandler<SignalBenchNote3>;
public sealed class SignalBenchHandler3x1 : SignalBenchHandler<SignalBenchNote3>;
public sealed class SignalBenchHandler3x2 : SignalBenchHandler<SignalBenchNote3>;
public sealed class SignalBenchHandler10x0 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x1 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x2 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x3 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x4 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x5 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x6 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x7 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x8 : SignalBenchHandler<SignalBenchNote10>;
public sealed class SignalBenchHandler10x9 : SignalBenchHandler<SignalBenchNote10>;
