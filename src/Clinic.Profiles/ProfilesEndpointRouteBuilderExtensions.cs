using Clinic.Profiles.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles;

/// <summary>Maps the media endpoint.</summary>
public static class ProfilesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves stored media under <see cref="ClinicProfilesOptions.MediaUrl"/> for GET and HEAD (Django's
    /// <c>MEDIA_URL</c>, here fit for production): generated names only, server-chosen content type,
    /// <c>X-Content-Type-Options: nosniff</c>, a sandboxing <c>Content-Security-Policy</c>, and 404 for anything else,
    /// including <c>..</c>, encoded separators and folder URLs. The built-in default avatar is served at
    /// <c>{MediaUrl}/_clinic/default-avatar.png</c>. Add <c>.RequireAuthorization()</c> on the result to restrict it.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapClinicMedia(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ClinicProfilesOptions>>().Value;
        return endpoints
            .MapMethods(options.MediaUrl + "/{**" + MediaEndpoint.RouteValueName + "}", [HttpMethods.Get, HttpMethods.Head], (RequestDelegate)MediaEndpoint.HandleAsync)
            .WithDisplayName("Clinic media")
            .ExcludeFromDescription();
    }
}
