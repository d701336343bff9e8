using Clinic.Users.Admin.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clinic.Users;

/// <summary>Maps the admin panel.</summary>
public static class ClinicAdminEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the admin panel's pages under <paramref name="prefix"/> (Django's <c>path("admin/", admin.site.urls)</c>)
    /// and its style sheet. Call it after <c>UseAuthentication</c>/<c>UseAuthorization</c> (and <c>UseAntiforgery</c>
    /// when used); <c>AddAdmin()</c> must have been called.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (the <c>WebApplication</c>).</param>
    /// <param name="prefix">The URL prefix, starting with "/"; "/admin" by default.</param>
    /// <returns>The same endpoint route builder.</returns>
    public static IEndpointRouteBuilder MapClinicAdmin(this IEndpointRouteBuilder endpoints, string prefix = "/admin")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService(typeof(AdminSite)) is null)
        {
            throw new InvalidOperationException("MapClinicAdmin needs the admin's services: call services.AddClinicUsers<TUser, TContext>().AddAdmin(...) first.");
        }

        prefix = prefix.TrimEnd('/');
        if (!prefix.StartsWith('/') || prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The admin prefix \"{prefix}\" must be a plain path starting with \"/\", such as \"/admin\".", nameof(prefix));
        }

        endpoints.MapGet(prefix + "/static/admin.css", AdminStyleSheet.Serve).ExcludeFromDescription();
        var tokens = new Dictionary<string, object?> { [AdminAccessFilter.PrefixDataToken] = prefix };
        var routes = new (string Name, string Pattern, string Controller, string Action)[]
        {
            ("dashboard", "", "AdminDashboard", "Index"),
            ("user-list", "/auth/user", "AdminUsers", "List"),
            ("user-add", "/auth/user/add", "AdminUsers", "Add"),
            ("user-change", "/auth/user/{id}/change", "AdminUsers", "Change"),
            ("user-password", "/auth/user/{id}/password", "AdminUsers", "Password"),
            ("user-delete", "/auth/user/{id}/delete", "AdminUsers", "Delete"),
            ("user-history", "/auth/user/{id}/history", "AdminUsers", "History"),
            ("group-list", "/auth/group", "AdminGroups", "List"),
            ("group-add", "/auth/group/add", "AdminGroups", "Add"),
            ("group-change", "/auth/group/{id:int}/change", "AdminGroups", "Change"),
            ("group-delete", "/auth/group/{id:int}/delete", "AdminGroups", "Delete"),
            ("group-history", "/auth/group/{id:int}/history", "AdminGroups", "History"),
            ("permission-list", "/auth/permission", "AdminPermissions", "List"),
            ("model-list", "/{app}/{model}", "AdminModels", "List"),
            ("model-add", "/{app}/{model}/add", "AdminModels", "Add"),
            ("model-change", "/{app}/{model}/{id}/change", "AdminModels", "Change"),
            ("model-delete", "/{app}/{model}/{id}/delete", "AdminModels", "Delete"),
            ("model-history", "/{app}/{model}/{id}/history", "AdminModels", "History"),
        };
        foreach (var (name, pattern, controller, action) in routes)
        {
            endpoints.MapAreaControllerRoute(
                "clinic-admin-" + name + prefix,
                AdminAreas.Name,
                prefix + pattern,
                defaults: new { controller, action },
                dataTokens: tokens);
        }

        return endpoints;
    }
}
