using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>Checks <see cref="ClinicProfilesOptions"/> at start-up with messages that say what to change.</summary>
internal sealed class ClinicProfilesOptionsValidator(IServiceProvider services) : IValidateOptions<ClinicProfilesOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicProfilesOptions options)
    {
        var failures = new List<string>();
        if (options.MaxImageBytes < 1024 || options.MaxImageBytes > 100L * 1024 * 1024)
        {
            failures.Add($"ClinicProfilesOptions.MaxImageBytes is {options.MaxImageBytes}; set it between 1024 bytes and 100 MiB (default 5 MiB).");
        }

        if (options.MaxImagePixels < 1 || options.MaxImagePixels > 200_000_000)
        {
            failures.Add($"ClinicProfilesOptions.MaxImagePixels is {options.MaxImagePixels}; set it between 1 and 200,000,000 (default 40,000,000).");
        }

        if (options.MaxImageFrames < 1)
        {
            failures.Add($"ClinicProfilesOptions.MaxImageFrames is {options.MaxImageFrames}; set it to at least 1 (default 1000).");
        }

        if (options.MaxEdge < 16 || options.MaxEdge > 8192)
        {
            failures.Add($"ClinicProfilesOptions.MaxEdge is {options.MaxEdge}; set it between 16 and 8192 pixels (default 1024).");
        }

        if (options.ThumbnailSize < 16 || options.ThumbnailSize > options.MaxEdge)
        {
            failures.Add($"ClinicProfilesOptions.ThumbnailSize is {options.ThumbnailSize}; set it between 16 and MaxEdge ({options.MaxEdge}) pixels (default 128).");
        }

        if (options.JpegQuality < 1 || options.JpegQuality > 100)
        {
            failures.Add($"ClinicProfilesOptions.JpegQuality is {options.JpegQuality}; set it between 1 and 100 (default 85).");
        }

        if (string.IsNullOrWhiteSpace(options.MediaRoot) || !Path.IsPathFullyQualified(options.MediaRoot))
        {
            failures.Add($"ClinicProfilesOptions.MediaRoot is '{options.MediaRoot}'; set it to an absolute folder outside the web root, such as /var/lib/myapp/media.");
        }

        else if (services.GetService(typeof(IWebHostEnvironment)) is IWebHostEnvironment { WebRootPath: { Length: > 0 } webRoot }
            && IsSameOrUnder(Path.GetFullPath(options.MediaRoot), Path.GetFullPath(webRoot)))
        {
            failures.Add($"ClinicProfilesOptions.MediaRoot '{options.MediaRoot}' is inside the web root '{webRoot}', where static files would be served without nosniff and the sandbox; choose a folder outside it.");
        }

        if (!MediaNames.IsValidUrlPrefix(options.MediaUrl))
        {
            failures.Add($"ClinicProfilesOptions.MediaUrl is '{options.MediaUrl}'; set it to a path such as /media (a leading '/', no trailing '/', letters, digits, '-', '_' and '/').");
        }

        if (!MediaNames.IsValidDirectory(options.PictureDirectory))
        {
            failures.Add($"ClinicProfilesOptions.PictureDirectory is '{options.PictureDirectory}'; use lower-case letters, digits, '-' and '_', such as profiles.");
        }

        const UnixFileMode forbiddenFileBits = UnixFileMode.OtherWrite | UnixFileMode.GroupWrite |
            UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute |
            UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit;
        if ((options.FileMode & forbiddenFileBits) != 0 || (options.FileMode & UnixFileMode.UserRead) == 0)
        {
            failures.Add($"ClinicProfilesOptions.FileMode is {Octal(options.FileMode)}; files must be readable by their owner, never executable or writable by group or others (default 0644).");
        }

        const UnixFileMode forbiddenDirectoryBits = UnixFileMode.OtherWrite | UnixFileMode.GroupWrite |
            UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit;
        const UnixFileMode ownerNeeds = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if ((options.DirectoryMode & forbiddenDirectoryBits) != 0 || (options.DirectoryMode & ownerNeeds) != ownerNeeds)
        {
            failures.Add($"ClinicProfilesOptions.DirectoryMode is {Octal(options.DirectoryMode)}; folders must be rwx for their owner and never writable by group or others (default 0755).");
        }

        if (string.IsNullOrWhiteSpace(options.MediaCacheControl) || options.MediaCacheControl.Any(char.IsControl))
        {
            failures.Add("ClinicProfilesOptions.MediaCacheControl must be a Cache-Control value such as 'private, max-age=86400'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSameOrUnder(string path, string root)
    {
        path = Path.TrimEndingDirectorySeparator(path);
        root = Path.TrimEndingDirectorySeparator(root);
        return path.Equals(root, StringComparison.Ordinal)
            || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}
