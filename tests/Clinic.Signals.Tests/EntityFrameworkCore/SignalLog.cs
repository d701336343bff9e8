namespace Clinic.Signals.Tests.EntityFrameworkCore;

/// <summary>What the model-signal receivers of one test saw, in order (a singleton of the test's provider).</summary>
public sealed class SignalLog
{
    private readonly List<string> _events = [];
    private readonly List<object> _args = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Add(string name, object args)
    {
        lock (_events)
        {
            _events.Add(name);
            _args.Add(args);
        }
    }

    public IReadOnlyList<T> Of<T>()
    {
        lock (_events)
        {
            return [.. _args.OfType<T>()];
        }
    }

    public int Count(string name) => Events.Count(e => e == name);

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
            _args.Clear();
        }
    }
}
