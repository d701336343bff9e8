using Clinic.PageCount.Internal;
using Microsoft.AspNetCore.Builder;

namespace Clinic.PageCount;

/// <summary>Adds the counting middleware to the pipeline.</summary>
public static class PageCountApplicationBuilderExtensions
{
    /// <summary>
    /// Counts views of marked endpoints. Place it after <c>UseRouting()</c> (the endpoint must be known) and before a
    /// response or output cache (a page served from the cache still counts).
    /// </summary>
    public static IApplicationBuilder UseClinicPageCount(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService(typeof(PageCountRegistry)) is null)
        {
            throw new InvalidOperationException("Call services.AddClinicPageCount() before app.UseClinicPageCount().");
        }

        return app.UseMiddleware<PageCountMiddleware>();
    }
}
