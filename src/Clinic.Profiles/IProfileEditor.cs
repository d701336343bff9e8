using System.Security.Claims;
using Clinic.Users;

namespace Clinic.Profiles;

/// <summary>
/// Edits the signed-in user's account (<see cref="UserChangeViewModel"/>) and profile (<see cref="ProfileForm{TProfile}"/>,
/// with an optional new picture) on one page, validated together and saved together: either both are saved or neither.
/// Registered by <c>UseEntityFrameworkStore</c>; needs Clinic.Users' <c>AddClinicUsers</c> on the same context.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public interface IProfileEditor<TProfile>
    where TProfile : ClinicProfile
{
    /// <summary>
    /// Fills both forms from the stored user and profile (creating the profile of a user older than the package),
    /// and sets the picture URLs the profile form shows.
    /// </summary>
    /// <param name="principal">The signed-in user; the forms are always theirs.</param>
    /// <param name="userForm">The user form to fill.</param>
    /// <param name="profileForm">The profile form to fill.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns><see langword="false"/> when the principal's user no longer exists.</returns>
    Task<bool> LoadAsync(ClaimsPrincipal principal, UserChangeViewModel userForm, ProfileForm<TProfile> profileForm, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates both forms (data annotations, the user validators such as a unique address, the picture through the
    /// image pipeline) and reports every error at once; only when there is none, stores the new picture and saves the
    /// user and the profile in one transaction. A failure of any part, a concurrent change of the same user included,
    /// saves nothing and leaves no file behind. The previous picture's files are deleted after the commit. When the
    /// address changes, the user's other sessions end and this one is kept. The picture URLs of
    /// <paramref name="profileForm"/> are set to what is stored afterwards.
    /// </summary>
    /// <param name="principal">The signed-in user; a user id in the form is never read.</param>
    /// <param name="userForm">The posted user form.</param>
    /// <param name="profileForm">The posted profile form.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is left behind.</param>
    /// <returns>Success, or every error of both forms.</returns>
    Task<ProfileEditResult> SaveAsync(ClaimsPrincipal principal, UserChangeViewModel userForm, ProfileForm<TProfile> profileForm, CancellationToken cancellationToken = default);
}
