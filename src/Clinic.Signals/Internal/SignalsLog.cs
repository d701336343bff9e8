using Microsoft.Extensions.Logging;

namespace Clinic.Signals.Internal;

/// <summary>The package's log messages (event ids 2000-2999).</summary>
internal static partial class SignalsLog
{
    [LoggerMessage(EventId = 2000, EventName = "ReceiverFailed", Level = LogLevel.Error,
        Message = "Receiver {Receiver} of signal {Signal} threw during a robust send; the other receivers ran.")]
    public static partial void ReceiverFailed(ILogger logger, string signal, string receiver, Exception exception);

    [LoggerMessage(EventId = 2001, EventName = "SaveFailed", Level = LogLevel.Debug,
        Message = "SaveChanges of {Context} failed; no post-save or post-delete signals are sent for it.")]
    public static partial void SaveFailed(ILogger logger, string context, Exception exception);

    [LoggerMessage(EventId = 2002, EventName = "OnCommitFailed", Level = LogLevel.Error,
        Message = "An on-commit action of {Context} threw after the transaction committed; the other actions ran.")]
    public static partial void OnCommitFailed(ILogger logger, string context, Exception exception);

    [LoggerMessage(EventId = 2003, EventName = "OnCommitDiscarded", Level = LogLevel.Debug,
        Message = "{Count} on-commit action(s) of {Context} were discarded because the transaction did not commit.")]
    public static partial void OnCommitDiscarded(ILogger logger, int count, string context);
}
