namespace Clinic.Profiles;

/// <summary>The answer of the picture upload endpoint.</summary>
/// <param name="PictureUrl">URL of the new picture.</param>
/// <param name="ThumbnailUrl">URL of the new thumbnail.</param>
public sealed record ProfilePictureResult(string PictureUrl, string ThumbnailUrl);
