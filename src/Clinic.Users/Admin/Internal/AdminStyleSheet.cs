using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Clinic.Users.Admin.Internal;

/// <summary>Serves the admin's style sheet from the assembly (no CDN, no static-files set-up needed), with an ETag.</summary>
internal static class AdminStyleSheet
{
    private static readonly Lazy<(byte[] Bytes, string ETag)> Content = new(() =>
    {
        using var stream = typeof(AdminStyleSheet).Assembly.GetManifestResourceStream("Clinic.Users.admin.css")
            ?? throw new InvalidOperationException("The admin style sheet is missing from Clinic.Users.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    });

    public static IResult Serve(HttpContext context)
    {
        var (bytes, etag) = Content.Value;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, "text/css; charset=utf-8");
    }
}
