using Microsoft.AspNetCore.Http;

namespace Clinic.Users;

/// <summary>The arguments of <see cref="UserSignals.LoginFailed"/> (Django's <c>user_login_failed</c>): the attempted credentials without the password.</summary>
public sealed class UserLoginFailedArgs
{
    internal UserLoginFailedArgs(string email, string reason, HttpContext httpContext)
    {
        Email = email;
        Reason = reason;
        HttpContext = httpContext;
    }

    /// <summary>The normalised e-mail address that was tried (the password is never included).</summary>
    public string Email { get; }

    /// <summary>Why it failed, for logs and throttling: "unknown user", "wrong password", "inactive", "locked out", "not allowed" or "rejected before hashing". Never show it to the user.</summary>
    public string Reason { get; }

    /// <summary>The request.</summary>
    public HttpContext HttpContext { get; }
}
