namespace Clinic.Profiles;

/// <summary>
/// Profiles and their pictures. Every method that changes data saves the application's <c>DbContext</c> (including
/// any other pending changes on it, as <c>UserManager</c> does). Files are written before the row and deleted only
/// after the change is committed, so a row never points at a missing file; files left by a failure half-way are
/// removed at once or by <see cref="RemoveOrphansAsync"/>.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public interface IProfileService<TProfile>
    where TProfile : ClinicProfile
{
    /// <summary>The user's profile, created now if the user predates the package or the creation signal was missed.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The tracked profile.</returns>
    /// <exception cref="KeyNotFoundException">No user has that id.</exception>
    Task<TProfile> GetOrCreateAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Processes an upload (see <see cref="IProfileImageProcessor"/>), stores the picture and thumbnail under new
    /// names, points the profile at them, and deletes the previous files after the change is committed.
    /// </summary>
    /// <param name="userId">The user whose picture changes: take it from the signed-in principal, never from the form.</param>
    /// <param name="content">The uploaded bytes.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is left behind.</param>
    /// <returns>The updated profile.</returns>
    /// <exception cref="ProfileImageRejectedException">The upload is not an acceptable image; nothing changed.</exception>
    Task<TProfile> SetPictureAsync(string userId, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Removes the user's picture (the default avatar is shown again) and deletes its files after the commit.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated profile.</returns>
    Task<TProfile> RemovePictureAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The URL of the profile's picture, or of the built-in default avatar when it has none.</summary>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns>A URL path under <see cref="ClinicProfilesOptions.MediaUrl"/>.</returns>
    string GetPictureUrl(TProfile? profile);

    /// <summary>The URL of the profile's thumbnail, or of the built-in default avatar when it has none.</summary>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns>A URL path under <see cref="ClinicProfilesOptions.MediaUrl"/>.</returns>
    string GetThumbnailUrl(TProfile? profile);

    /// <summary>
    /// Deletes files in <see cref="ClinicProfilesOptions.PictureDirectory"/> that no profile refers to and that are older
    /// than <paramref name="minimumAge"/> (so uploads still being committed are spared).
    /// </summary>
    /// <param name="minimumAge">How old an unreferenced file must be to be deleted, for example one hour.</param>
    /// <param name="cancellationToken">Cancels the cleanup.</param>
    /// <returns>How many files were deleted.</returns>
    Task<int> RemoveOrphansAsync(TimeSpan minimumAge, CancellationToken cancellationToken = default);
}
