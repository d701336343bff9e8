using Microsoft.Extensions.Logging;

namespace Clinic.Caching.Tests;

/// <summary>A logger provider that completes <see cref="Logged"/> when an event with the awaited id is written.</summary>
internal sealed class LogEventWaiter(int eventId) : ILoggerProvider, ILogger
{
    public TaskCompletionSource<(LogLevel Level, Exception? Exception)> Logged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (id.Id == eventId)
        {
            Logged.TrySetResult((logLevel, exception));
        }
    }

    public void Dispose()
    {
    }
}
