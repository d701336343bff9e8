using Clinic.Erp.Data;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Clinic.Erp.Pages.Accounts.Register;

/// <summary>
/// Registers a patient: Clinic.Users' registration fields, the patient's fields and a doctor picker filled from the
/// active doctors only (an inactive or unknown id is a validation error); the new patient joins "Patients" and is
/// signed in.
/// </summary>
[AllowAnonymous]
public sealed class PatientModel(ErpDbContext db, Registration registration, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegisterViewModel Account { get; set; } = new();

    [BindProperty]
    public PatientFields Patient { get; set; } = new();

    public IReadOnlyList<SelectListItem> Doctors { get; private set; } = [];

    public async Task OnGetAsync(int? doctor, CancellationToken cancellationToken)
    {
        Doctors = await DoctorChoices.ActiveDoctorChoicesAsync(db, cancellationToken);
        Patient.DoctorId = DoctorChoices.Contains(Doctors, doctor) ? doctor : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Doctors = await DoctorChoices.ActiveDoctorChoicesAsync(db, cancellationToken);
        var doctorKey = $"{nameof(Patient)}.{nameof(PatientFields.DoctorId)}";
        if (Patient.DoctorId is not null && !DoctorChoices.Contains(Doctors, Patient.DoctorId))
        {
            ModelState.AddModelError(doctorKey, DoctorChoices.InvalidDoctorMessage);
        }
        else if (ModelState.TryGetValue(doctorKey, out var entry) && entry.Errors.Count > 0 && Patient.DoctorId is null && entry.AttemptedValue is { Length: > 0 })
        {
            // "abc" or a number too large for an int: the same message as any other id outside the choices.
            entry.Errors.Clear();
            ModelState.AddModelError(doctorKey, DoctorChoices.InvalidDoctorMessage);
        }

        if (Patient.DateOfBirth > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError($"{nameof(Patient)}.{nameof(PatientFields.DateOfBirth)}", "The date of birth cannot be in the future.");
        }

        await registration.ValidatePasswordAsync(Account, ModelState, nameof(Account));
        if (ModelState.IsValid && await registration.RegisterAsync(
                Account,
                userId => new Domain.Patient
                {
                    UserId = userId,
                    DateOfBirth = Patient.DateOfBirth!.Value,
                    Phone = string.IsNullOrWhiteSpace(Patient.Phone) ? null : Patient.Phone.Trim(),
                    DoctorId = Patient.DoctorId!.Value,
                },
                ModelState,
                nameof(Account),
                cancellationToken))
        {
            return RedirectToPage("/Doctors/Details", new { id = Patient.DoctorId });
        }

        Account.Password = Account.ConfirmPassword = "";
        return Page();
    }
}
