using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Clinic.CookiesSessions;

/// <summary>Typed access to the Clinic session.</summary>
public static class SessionHttpContextExtensions
{
    /// <summary>The request's <see cref="IClinicSession"/>.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The session.</returns>
    /// <exception cref="InvalidOperationException"><c>UseClinicSessions()</c> is not in the pipeline before this code.</exception>
    public static IClinicSession GetClinicSession(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ISessionFeature>()?.Session as IClinicSession
            ?? throw new InvalidOperationException("No Clinic session: call services.AddClinicSessions() and app.UseClinicSessions() before this code.");
    }
}
