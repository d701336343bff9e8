using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages.Accounts;

/// <summary>Sign-in with Clinic.Users' form: one message for every failure, lockout after five.</summary>
public sealed class LoginModel(ClinicAccountService<ErpUser> account) : PageModel
{
    public LoginViewModel Form { get; private set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(LoginViewModel form, [FromQuery(Name = "ReturnUrl")] string? returnUrl)
    {
        Form = form;
        if (ModelState.IsValid)
        {
            var result = await account.SignInAsync(form);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Index") ?? "/");
            }

            result.AddTo(ModelState);
        }

        Form.Password = string.Empty;
        return Page();
    }
}
