using Microsoft.AspNetCore.Http;

namespace Clinic.Users;

/// <summary>The arguments of <see cref="UserSignals.LoggedOut"/> (Django's <c>user_logged_out</c>).</summary>
public sealed class UserLoggedOutArgs
{
    internal UserLoggedOutArgs(string userId, HttpContext httpContext)
    {
        UserId = userId;
        HttpContext = httpContext;
    }

    /// <summary>The id of the user who signed out.</summary>
    public string UserId { get; }

    /// <summary>The request.</summary>
    public HttpContext HttpContext { get; }
}
