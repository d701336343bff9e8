namespace Clinic.Profiles;

/// <summary>A stored media file, as listed by <see cref="IMediaStorage.ListAsync"/>.</summary>
/// <param name="Name">The generated name.</param>
/// <param name="LastModified">When the file was written (UTC).</param>
/// <param name="Length">Size in bytes.</param>
public sealed record MediaFileInfo(string Name, DateTimeOffset LastModified, long Length);
