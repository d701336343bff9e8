using Microsoft.AspNetCore.Builder;

namespace Clinic.Users;

/// <summary><c>.RequirePermission(...)</c> for endpoints (minimal APIs, route groups, controllers, pages).</summary>
public static class PermissionEndpointConventionBuilderExtensions
{
    /// <summary>Requires the signed-in user to hold every listed permission (as <see cref="RequirePermissionAttribute"/>).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">The endpoint builder.</param>
    /// <param name="permissions">The permissions, each <c>"app_label.codename"</c>; at least one.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var attribute = new RequirePermissionAttribute(permissions);
        builder.Add(endpoint => endpoint.Metadata.Add(attribute));
        return builder;
    }
}
