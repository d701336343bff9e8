using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Clinic.Profiles.Internal;

/// <summary>
/// Serves stored media: only allow-listed generated names, the content type chosen by the server from the
/// extension, <c>nosniff</c> and a sandboxing CSP on every answer (404s included), never a folder listing.
/// </summary>
internal static class MediaEndpoint
{
    public const string RouteValueName = "name";

    public static async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        var options = context.RequestServices.GetRequiredService<IOptions<ClinicProfilesOptions>>().Value;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = ClinicProfilesDefaults.MediaContentSecurityPolicy;

        var name = context.Request.RouteValues[RouteValueName] as string;
        if (string.Equals(name, ClinicProfilesDefaults.DefaultAvatarName, StringComparison.Ordinal))
        {
            var avatar = DefaultAvatar.Content;
            await WriteAsync(context, options, "image/png", avatar.Length, body => body.WriteAsync(avatar, context.RequestAborted).AsTask());
            return;
        }

        if (!MediaNames.TryGetContentType(name, out var contentType))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var storage = context.RequestServices.GetRequiredService<IMediaStorage>();
        var stream = await storage.OpenReadAsync(name, context.RequestAborted);
        if (stream is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            long? length = stream.CanSeek ? stream.Length : null;
            await WriteAsync(context, options, contentType, length, body => stream.CopyToAsync(body, context.RequestAborted));
        }
    }

    private static Task WriteAsync(HttpContext context, ClinicProfilesOptions options, string contentType, long? length, Func<Stream, Task> body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = length;
        response.Headers[HeaderNames.CacheControl] = options.MediaCacheControl;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : body(response.Body);
    }
}
