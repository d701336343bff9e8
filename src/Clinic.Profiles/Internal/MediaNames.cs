using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Clinic.Profiles.Internal;

/// <summary>
/// The allow-list of media names. A stored name is one to four folders and a file name of letters, digits, <c>-</c>
/// and <c>_</c>, with an image extension: no dots but the extension's, so <c>..</c>, hidden files, temp files,
/// separators other than <c>/</c>, NUL, percent-escapes and trailing slashes can never be a name.
/// </summary>
internal static partial class MediaNames
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["jpg"] = "image/jpeg",
        ["png"] = "image/png",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
    };

    public static bool IsValidDirectory([NotNullWhen(true)] string? directory) =>
        directory is not null && DirectoryPattern().IsMatch(directory);

    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        name is not null && NamePattern().IsMatch(name);

    public static bool IsAllowedExtension([NotNullWhen(true)] string? extension) =>
        extension is not null && ContentTypes.ContainsKey(extension);

    public static bool IsValidUrlPrefix([NotNullWhen(true)] string? prefix) =>
        prefix is not null && UrlPrefixPattern().IsMatch(prefix);

    /// <summary>The content type of a valid name, chosen by the server from the extension.</summary>
    public static bool TryGetContentType([NotNullWhen(true)] string? name, [NotNullWhen(true)] out string? contentType)
    {
        contentType = null;
        if (!IsValidName(name))
        {
            return false;
        }

        var extension = name[(name.LastIndexOf('.') + 1)..];
        return ContentTypes.TryGetValue(extension, out contentType);
    }

    /// <summary>The URL of a name: the prefix and each segment escaped.</summary>
    public static string ToUrl(string prefix, string name) =>
        prefix + "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9_-]{0,63}(?:/[a-z0-9][a-z0-9_-]{0,63}){0,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DirectoryPattern();

    [GeneratedRegex(@"\A(?:[a-z0-9][a-z0-9_-]{0,63}/){1,4}[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.(?:jpg|png|gif|webp)\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A(?:/[A-Za-z0-9_-]+)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPrefixPattern();
}
