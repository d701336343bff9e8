namespace Clinic.Erp.Infrastructure;

/// <summary>
/// SECURITY.md APP-03: a page rendered for a signed-in user may hold patient data, so no browser, proxy or cache keeps
/// it (<c>Cache-Control: no-store</c>), whatever the page itself said.
/// </summary>
internal static class NoStoreForSignedInUsers
{
    public static IApplicationBuilder UseNoStoreForSignedInUsers(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    response.Headers.CacheControl = "no-store";
                    response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                }, context.Response);
            }

            return next(context);
        });
}
