using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Internal;

/// <summary>
/// Checks every authenticated request's cookie against the server: the sign-in was not ended (sign-out), and the
/// user still exists, is active and has the security stamp the cookie was issued with (a password change, a
/// deactivation or <c>EndSessionsAsync</c> changes it). The state comes from <see cref="SessionStateCache"/>, so the
/// common case costs a cache read and no database query.
/// </summary>
internal sealed class SessionValidator
{
    private readonly SessionStateCache _cache;
    private readonly IdentityOptions _identity;
    private readonly UsersMetrics _metrics;
    private readonly ILogger<SessionValidator> _logger;

    public SessionValidator(SessionStateCache cache, IOptions<IdentityOptions> identity, UsersMetrics metrics, ILogger<SessionValidator> logger)
    {
        _cache = cache;
        _identity = identity.Value;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(_identity.ClaimsIdentity.UserIdClaimType);
        if (userId is null)
        {
            return;
        }

        var reason = await ReasonToRejectAsync(context, principal!, userId);
        if (reason is null)
        {
            return;
        }

        _metrics.SessionsRejected.Add(1);
        _logger.SessionRejected(userId, reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private async Task<string?> ReasonToRejectAsync(CookieValidatePrincipalContext context, ClaimsPrincipal principal, string userId)
    {
        var cancellationToken = context.HttpContext.RequestAborted;
        var sid = principal.FindFirstValue(ClinicUsersDefaults.SessionIdClaimType);
        var stamp = principal.FindFirstValue(_identity.ClaimsIdentity.SecurityStampClaimType);
        if (sid is null || stamp is null)
        {
            return "the cookie was not issued by Clinic.Users";
        }

        if (await _cache.IsRevokedAsync(sid, cancellationToken))
        {
            return "signed out";
        }

        var state = await _cache.GetAsync(userId, cancellationToken);
        if (state is null)
        {
            _metrics.SessionStateMisses.Add(1);
            var data = context.HttpContext.RequestServices.GetRequiredService<IUsersData>();
            state = await data.LoadSessionStateAsync(userId, cancellationToken);
            await _cache.SetAsync(userId, state.Value, cancellationToken);
        }

        return state.Value switch
        {
            { Exists: false } => "the user was deleted",
            { IsActive: false } => "the user is inactive",
            { SecurityStamp: var current } when !string.Equals(current, stamp, StringComparison.Ordinal) => "the password or security stamp changed",
            _ => null,
        };
    }
}
