using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages.Accounts.Password;

/// <summary>
/// Password change with the old password: this session gets a fresh cookie, every other session of the user is
/// refused on its next request.
/// </summary>
[Authorize]
public sealed class ChangeModel(ClinicAccountService<ErpUser> account) : PageModel
{
    public ChangePasswordViewModel Form { get; private set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(ChangePasswordViewModel form)
    {
        Form = new ChangePasswordViewModel();
        if (ModelState.IsValid)
        {
            var result = await account.ChangePasswordAsync(User, form);
            if (result.Succeeded)
            {
                return RedirectToPage(new { changed = true });
            }

            result.AddTo(ModelState);
        }

        return Page();
    }
}
