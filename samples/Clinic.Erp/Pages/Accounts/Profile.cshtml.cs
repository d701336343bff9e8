using Clinic.Profiles;
using Clinic.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages.Accounts;

/// <summary>
/// The signed-in user's own account and profile on one page (Django's two forms in one view): address and names,
/// and the picture. Both are validated together and saved together, or nothing is saved. The user is always the
/// signed-in one; a user id in the form is never read.
/// </summary>
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[RequestSizeLimit(ProfilePageLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ProfilePageLimits.MaxRequestBytes)]
public sealed class ProfileModel(IProfileEditor<ClinicProfile> editor) : PageModel
{
    /// <summary>The user form (prefix <c>Account</c>).</summary>
    [BindProperty]
    public UserChangeViewModel Account { get; set; } = new();

    /// <summary>The profile form with the picture (prefix <c>Profile</c>).</summary>
    [BindProperty]
    public ClinicProfileForm Profile { get; set; } = new();

    /// <summary>Set after a successful save, for the notice.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // A valid cookie of a user deleted since: sign in again.
        return await editor.LoadAsync(User, Account, Profile, HttpContext.RequestAborted) ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The editor validates both forms itself (the annotations model binding checked too, the picture, a taken
        // address) and saves nothing unless all of it is valid.
        var result = await editor.SaveAsync(User, Account, Profile, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return RedirectToPage(new { saved = true });
        }

        Saved = false;
        result.AddTo(ModelState, nameof(Account), nameof(Profile));
        return Page();
    }
}
