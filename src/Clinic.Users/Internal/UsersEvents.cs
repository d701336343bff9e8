using Clinic.Signals;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    public async Task LoggedInAsync(object sender, HttpContext context, ClinicUser user)
    {
        _metrics.SignIns.Add(1);
        _logger.SignedIn(user.Id);
        await SendAsync(context.RequestServices, UserSignals.LoggedIn, sender, new UserLoggedInArgs(user, context), context.RequestAborted);
    }

    public async Task LoggedOutAsync(object sender, HttpContext context, string userId)
    {
        _logger.SignedOut(userId);
        await SendAsync(context.RequestServices, UserSignals.LoggedOut, sender, new UserLoggedOutArgs(userId, context), context.RequestAborted);
    }

    public async Task LoginFailedAsync(object sender, HttpContext context, string attemptedEmail, string reason)
    {
        _metrics.SignInFailures.Add(1);
        _logger.SignInFailed(reason);
        await SendAsync(context.RequestServices, UserSignals.LoginFailed, sender, new UserLoginFailedArgs(attemptedEmail, reason, context), context.RequestAborted);
    }

    public async Task UserCreatedAsync(object sender, IServiceProvider services, ClinicUser user, CancellationToken cancellationToken)
    {
        _logger.UserCreated(user.Id);
        await SendAsync(services, UserSignals.UserCreated, sender, new UserCreatedArgs(user, services), cancellationToken);
    }

    private static async Task SendAsync<TArgs>(IServiceProvider services, Signal<TArgs> signal, object sender, TArgs args, CancellationToken cancellationToken)
    {
        var dispatcher = services.GetService<ISignalDispatcher>();
        if (dispatcher is not null)
        {
            await dispatcher.SendRobustAsync(signal, sender, args, cancellationToken);
        }
    }
}
