using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>Records log events (id and message) so tests can assert that something was logged.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
            }
        }
    }
}
