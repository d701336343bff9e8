using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Internal;

/// <summary>Puts <see cref="SessionValidator"/> in front of Identity's own check on the application cookie.</summary>
internal sealed class SessionValidationSetup : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme)
        {
            return;
        }

        var next = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
            if (context.Principal is not null)
            {
                await next(context);
            }
        };
    }
}
