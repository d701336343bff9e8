using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// Wires every cookie authentication scheme so sign-in cycles the session key (no fixation) and sign-out flushes the
/// session (Django's <c>login()</c>/<c>logout()</c>), keeping the application's own event handlers.
/// </summary>
internal sealed class SessionAuthenticationEventsSetup(IOptions<ClinicSessionOptions> options) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions authentication)
    {
        if (!options.Value.CycleKeyOnSignIn)
        {
            return;
        }

        var events = authentication.Events ?? new CookieAuthenticationEvents();
        var signingIn = events.OnSigningIn;
        var signingOut = events.OnSigningOut;
        events.OnSigningIn = async context =>
        {
            if (Session(context.HttpContext) is { } session)
            {
                await session.CycleKeyAsync(context.HttpContext.RequestAborted);
            }

            await signingIn(context);
        };
        events.OnSigningOut = async context =>
        {
            if (Session(context.HttpContext) is { } session)
            {
                await session.FlushAsync(context.HttpContext.RequestAborted);
            }

            await signingOut(context);
        };
        authentication.Events = events;
    }

    private static IClinicSession? Session(HttpContext context) =>
        context.Features.Get<ISessionFeature>()?.Session as IClinicSession;
}
