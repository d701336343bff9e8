using Clinic.Caching.Internal;
using Microsoft.AspNetCore.Builder;

namespace Clinic.Caching;

/// <summary>Adds the Clinic response cache to the request pipeline.</summary>
public static class CachingApplicationBuilderExtensions
{
    /// <summary>
    /// Serves cached responses and stores eligible new ones. Place it after routing (so endpoint settings are known)
    /// and before session, authentication and the endpoints whose responses it should cache.
    /// </summary>
    public static IApplicationBuilder UseClinicCaching(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<CachingMiddleware>();
    }
}
