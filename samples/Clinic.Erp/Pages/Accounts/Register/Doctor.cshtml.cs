using Clinic.Erp.Data;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Accounts.Register;

/// <summary>
/// Registers a doctor: Clinic.Users' registration fields and the doctor's fields in one form, validated together
/// (password rules, taken email, taken licence number); the new doctor joins "Doctors" and is signed in.
/// </summary>
[AllowAnonymous]
public sealed class DoctorModel(ErpDbContext db, Registration registration) : PageModel
{
    [BindProperty]
    public RegisterViewModel Account { get; set; } = new();

    [BindProperty]
    public DoctorFields Doctor { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await registration.ValidatePasswordAsync(Account, ModelState, nameof(Account));
        var licence = Doctor.LicenceNumber?.Trim().ToUpperInvariant() ?? "";
        if (licence.Length > 0 && await db.Doctors.AnyAsync(d => d.LicenceNumber == licence, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Doctor)}.{nameof(DoctorFields.LicenceNumber)}", "A doctor with this licence number is already registered.");
        }

        if (ModelState.IsValid && await registration.RegisterAsync(
                Account,
                userId => new Domain.Doctor { UserId = userId, Speciality = Doctor.Speciality.Trim(), LicenceNumber = licence },
                ModelState,
                nameof(Account),
                cancellationToken))
        {
            return RedirectToPage("/Doctors/Index");
        }

        Account.Password = Account.ConfirmPassword = "";
        return Page();
    }
}
