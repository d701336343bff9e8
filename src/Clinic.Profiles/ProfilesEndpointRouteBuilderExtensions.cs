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

    /// <summary>
    /// Maps <c>POST {pattern}</c>: the signed-in user uploads their own picture as the multipart field <c>picture</c>.
    /// The user is taken from the principal (a user id in the form is ignored), the antiforgery token is required
    /// (403 without it), the body is bounded by <see cref="ClinicProfilesOptions.MaxImageBytes"/> (413), a refused
    /// image answers 400 with a message, and success answers a <see cref="ProfilePictureResult"/>. Requires
    /// authorization and <c>UseEntityFrameworkStore</c> (or another <see cref="IProfileService{TProfile}"/>).
    /// </summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The route, for example <c>/account/picture</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static RouteHandlerBuilder MapClinicProfilePicture<TProfile>(this IEndpointRouteBuilder endpoints, string pattern)
        where TProfile : ClinicProfile
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints
            .MapPost(pattern, (Func<HttpContext, Task<IResult>>)ProfilePictureEndpoint.PostAsync<TProfile>)
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithDisplayName("Clinic profile picture upload");
    }
}
