using Microsoft.Extensions.Logging;

namespace Clinic.Users.Internal;

/// <summary>Development sender: writes the message to the log at Information level (it contains the reset link, so do not use it in production).</summary>
internal sealed partial class LoggingEmailSender : IClinicEmailSender
{
    private readonly ILogger<LoggingEmailSender> _logger;

    public LoggingEmailSender(ILogger<LoggingEmailSender> logger)
    {
        _logger = logger;
    }

    public Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        Log(_logger, recipient, subject, body);
        return Task.CompletedTask;
    }

    [LoggerMessage(1040, LogLevel.Information, "Development e-mail to {To}: {Subject}\n{Body}")]
    private static partial void Log(ILogger logger, string to, string subject, string body);
}
