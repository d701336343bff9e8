using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.Builder;

namespace Clinic.CookiesSessions;

/// <summary>Adds the session middleware.</summary>
public static class SessionsApplicationBuilderExtensions
{
    /// <summary>Loads the session for each request and saves it once at the end when modified. Place it before authentication.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseClinicSessions(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<ClinicSessionMiddleware>();
    }
}
