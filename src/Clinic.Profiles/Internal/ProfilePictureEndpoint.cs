using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>
/// The upload endpoint: the signed-in user's own picture only (the user comes from the principal; a user id in the
/// form is never read), the antiforgery token checked, the body bounded before it is buffered.
/// </summary>
internal static class ProfilePictureEndpoint
{
    public const string FileField = "picture";

    public static async Task<IResult> PostAsync<TProfile>(HttpContext context)
        where TProfile : ClinicProfile
    {
        var services = context.RequestServices;
        var userId = UserId(context.User, services);
        if (userId is null)
        {
            return Results.Unauthorized();
        }

        try
        {
            await services.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem("The form has expired or did not come from this site; reload the page and try again.", statusCode: StatusCodes.Status403Forbidden);
        }

        var options = services.GetRequiredService<IOptions<ClinicProfilesOptions>>().Value;
        IFormCollection form;
        try
        {
            // Room for the multipart framing around a file at the limit; the pipeline checks the file itself.
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.MaxImageBytes + (64 * 1024) }, context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return Results.Problem("The file is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var file = form.Files.GetFile(FileField);
        if (file is null || file.Length == 0)
        {
            return Results.Problem($"Choose a picture to upload (form field '{FileField}').", statusCode: StatusCodes.Status400BadRequest);
        }

        var profiles = services.GetRequiredService<IProfileService<TProfile>>();
        try
        {
            await using var stream = file.OpenReadStream();
            var profile = await profiles.SetPictureAsync(userId, stream, context.RequestAborted);
            return Results.Ok(new ProfilePictureResult(profiles.GetPictureUrl(profile), profiles.GetThumbnailUrl(profile)));
        }
        catch (ProfileImageRejectedException rejected)
        {
            return Results.Problem(rejected.Message, statusCode: rejected.StatusCode);
        }
    }

    private static string? UserId(ClaimsPrincipal user, IServiceProvider services)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var claimType = services.GetService<IOptions<IdentityOptions>>()?.Value.ClaimsIdentity.UserIdClaimType ?? ClaimTypes.NameIdentifier;
        var id = user.FindFirstValue(claimType);
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
