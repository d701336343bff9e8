using Microsoft.AspNetCore.Http;

namespace Clinic.Users;

/// <summary>The arguments of <see cref="UserSignals.LoggedIn"/> (Django's <c>user_logged_in</c>).</summary>
public sealed class UserLoggedInArgs
{
    internal UserLoggedInArgs(ClinicUser user, HttpContext httpContext)
    {
        User = user;
        HttpContext = httpContext;
    }

    /// <summary>The user who signed in (last login and address already updated).</summary>
    public ClinicUser User { get; }

    /// <summary>The request.</summary>
    public HttpContext HttpContext { get; }
}
