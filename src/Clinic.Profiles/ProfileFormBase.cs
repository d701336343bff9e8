using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Clinic.Profiles;

/// <summary>
/// The picture part every profile form has: a new picture or the removal of the current one, and the URLs to show.
/// It is the model of the <c>ClinicProfiles/_ProfileForm</c> partial; derive forms from <see cref="ProfileForm{TProfile}"/>.
/// </summary>
public abstract class ProfileFormBase
{
    /// <summary>A new picture, or <see langword="null"/> to keep the current one. Its name and content type are never trusted.</summary>
    [Display(Name = "Picture")]
    public IFormFile? Picture { get; set; }

    /// <summary>Whether to remove the current picture (the default avatar is shown again).</summary>
    [Display(Name = "Remove the current picture")]
    public bool RemovePicture { get; set; }

    /// <summary>URL of the current picture or of the default avatar; filled by <see cref="IProfileEditor{TProfile}"/>, never bound.</summary>
    [BindNever]
    [ValidateNever]
    public string? PictureUrl { get; set; }

    /// <summary>URL of the current thumbnail or of the default avatar; filled by <see cref="IProfileEditor{TProfile}"/>, never bound.</summary>
    [BindNever]
    [ValidateNever]
    public string? ThumbnailUrl { get; set; }

    /// <summary>Whether the profile has a picture of its own (rather than the default avatar); never bound.</summary>
    [BindNever]
    [ValidateNever]
    public bool HasPicture { get; set; }
}
