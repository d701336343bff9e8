namespace Clinic.Users;

/// <summary>Sends the e-mails of the account flows (password reset). The default development sender writes them to the log; register your own for production.</summary>
public interface IClinicEmailSender
{
    /// <summary>Sends one plain-text message.</summary>
    /// <param name="recipient">The recipient, exactly as stored on the user.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="body">The plain-text body.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task.</returns>
    Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken);
}
