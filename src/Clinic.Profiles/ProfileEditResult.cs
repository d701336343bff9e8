using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clinic.Profiles;

/// <summary>
/// The outcome of <see cref="IProfileEditor{TProfile}.SaveAsync"/>: success, or every error of both forms (and then
/// nothing was saved).
/// </summary>
public sealed class ProfileEditResult
{
    private ProfileEditResult(IReadOnlyList<ProfileEditError> errors) => Errors = errors;

    /// <summary>Both forms were saved.</summary>
    public static ProfileEditResult Success { get; } = new([]);

    /// <summary>Whether both forms were saved.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Every error of both forms; empty on success.</summary>
    public IReadOnlyList<ProfileEditError> Errors { get; }

    /// <summary>A failure; nothing was saved.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    public static ProfileEditResult Failed(IReadOnlyList<ProfileEditError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(errors.Count > 0 ? errors : [new ProfileEditError(ProfileEditForm.Page, string.Empty, "The changes could not be saved.")]);
    }

    /// <summary>
    /// Copies the errors into MVC's model state under each form's prefix, so that the messages appear next to their
    /// fields. A message model binding already put under the same key is not added twice.
    /// </summary>
    /// <param name="modelState">The page's or controller's model state.</param>
    /// <param name="userPrefix">The model-state prefix of the user form (the bound property's name).</param>
    /// <param name="profilePrefix">The model-state prefix of the profile form.</param>
    public void AddTo(ModelStateDictionary modelState, string userPrefix, string profilePrefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in Errors)
        {
            var prefix = error.Form switch
            {
                ProfileEditForm.User => userPrefix,
                ProfileEditForm.Profile => profilePrefix,
                _ => string.Empty,
            };
            var key = string.IsNullOrEmpty(error.Field) || error.Form == ProfileEditForm.Page
                ? string.Empty
                : string.IsNullOrEmpty(prefix) ? error.Field : prefix + "." + error.Field;
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == error.Message))
            {
                continue;
            }

            modelState.AddModelError(key, error.Message);
        }
    }
}
