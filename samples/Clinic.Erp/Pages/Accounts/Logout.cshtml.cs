using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages.Accounts;

/// <summary>
/// Sign-out is a POST with an antiforgery token (Razor Pages checks it); a GET only shows the button, so a link or an
/// image elsewhere cannot sign anybody out.
/// </summary>
public sealed class LogoutModel(ClinicAccountService<ErpUser> account) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await account.SignOutAsync();
        return LocalRedirect(Url.Page("/Index") ?? "/");
    }
}
