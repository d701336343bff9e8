using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Clinic.Users.Internal;

/// <summary>Puts <see cref="ClinicUsersOptions"/>' Django-style account paths on Identity's application cookie.</summary>
internal static class AccountPaths
{
    public static void Apply(CookieAuthenticationOptions cookie, ClinicUsersOptions clinic)
    {
        cookie.LoginPath = clinic.LoginPath;
        cookie.LogoutPath = clinic.LogoutPath;
        if (clinic.AccessDeniedPath is not null)
        {
            cookie.AccessDeniedPath = clinic.AccessDeniedPath;
            return;
        }

        var redirect = cookie.Events.OnRedirectToAccessDenied;
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            // An AccessDeniedPath the app set itself (ConfigureApplicationCookie after AddClinicUsers) still redirects.
            if (context.Options.AccessDeniedPath.HasValue && context.Options.AccessDeniedPath != CookieAuthenticationDefaults.AccessDeniedPath)
            {
                return redirect(context);
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
