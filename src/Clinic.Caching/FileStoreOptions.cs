namespace Clinic.Caching;

/// <summary>Settings of the file-system store chosen with <c>UseFileStore(path)</c>.</summary>
public sealed class FileStoreOptions
{
    /// <summary>The folder holding the cache files. Created when missing. Required.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Number of files above which the store culls. Default 300; must be at least 1.</summary>
    public int MaxEntries { get; set; } = CachingDefaults.FileStoreMaxEntries;

    /// <summary>
    /// When full, expired files are removed first, then one in <c>CullFrequency</c> of the rest. Default 3; must be at
    /// least 1 (1 empties the folder).
    /// </summary>
    public int CullFrequency { get; set; } = CachingDefaults.FileStoreCullFrequency;
}
