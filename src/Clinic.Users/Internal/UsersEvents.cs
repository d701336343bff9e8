using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Internal;

/// <summary>The one place user events are logged, counted and sent as signals.</summary>
internal sealed class UsersEvents
{
    private readonly ILogger<UsersEvents> _logger;
    private readonly UsersMetrics _metrics;

    public UsersEvents(ILogger<UsersEvents> logger, UsersMetrics metrics)
    {
        _logger = logger;
        _metrics = metrics;
    }

    public Task LoggedInAsync(HttpContext context, ClinicUser user)
    {
        _metrics.SignIns.Add(1);
        _logger.SignedIn(user.Id);
        return Task.CompletedTask;
    }

    public Task LoggedOutAsync(HttpContext context, string userId)
    {
        _logger.SignedOut(userId);
        return Task.CompletedTask;
    }

    public Task LoginFailedAsync(HttpContext context, string attemptedEmail, string reason)
    {
        _metrics.SignInFailures.Add(1);
        _logger.SignInFailed(reason);
        return Task.CompletedTask;
    }

    public Task UserCreatedAsync(ClinicUser user, CancellationToken cancellationToken)
    {
        _logger.UserCreated(user.Id);
        return Task.CompletedTask;
    }
}
