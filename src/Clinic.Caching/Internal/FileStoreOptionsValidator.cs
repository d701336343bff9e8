using Microsoft.Extensions.Options;

namespace Clinic.Caching.Internal;

/// <summary>Checks <see cref="FileStoreOptions"/> at start-up.</summary>
internal sealed class FileStoreOptionsValidator : IValidateOptions<FileStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, FileStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("FileStoreOptions.Path is empty; pass the cache folder to UseFileStore(path).");
        }

        if (options.MaxEntries < 1)
        {
            failures.Add($"FileStoreOptions.MaxEntries is {options.MaxEntries}; set it to at least 1 (default 300).");
        }

        if (options.CullFrequency < 1)
        {
            failures.Add($"FileStoreOptions.CullFrequency is {options.CullFrequency}; set it to at least 1 (default 3).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
