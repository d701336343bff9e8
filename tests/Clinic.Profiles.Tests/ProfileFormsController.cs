using Microsoft.AspNetCore.Mvc;

namespace Clinic.Profiles.Tests;

/// <summary>Renders the profile form partial as a page would: under a prefix, with model errors.</summary>
[Route("profile-forms")]
public sealed class ProfileFormsController : Controller
{
    [HttpGet("{name}")]
    public IActionResult Show(string name)
    {
        ProfileFormBase? form = name switch
        {
            "default" => new ClinicProfileForm { ThumbnailUrl = "/media/_clinic/default-avatar.png" },
            "with-picture" => new ClinicProfileForm { ThumbnailUrl = "/media/profiles/abc.jpg", HasPicture = true },
            "doctor" => new DoctorProfileForm { Specialty = "Cardiology", ThumbnailUrl = "/media/_clinic/default-avatar.png" },
            _ => null,
        };
        if (form is null)
        {
            return NotFound();
        }

        ViewData.TemplateInfo.HtmlFieldPrefix = "Profile";
        ModelState.AddModelError("Profile.Picture", "The file is not an image.");
        ModelState.AddModelError("Profile.Specialty", "Enter a specialty.");
        return PartialView("ClinicProfiles/_ProfileForm", form);
    }
}
