using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Patients;

/// <summary>
/// Changes a patient: their doctor or staff (a foreign id is a 404 on GET and POST alike and changes nothing); only
/// staff may move the patient to another (active) doctor.
/// </summary>
[RequirePermission(ErpPermissions.ChangePatient)]
public sealed class EditModel(ErpDbContext db, ClinicAccess access, TimeProvider time) : PageModel
{
    [BindProperty]
    public PatientForm Form { get; set; } = new();

    public Patient Patient { get; private set; } = null!;

    /// <summary>Active doctors for staff's doctor picker; empty when the viewer may not move patients.</summary>
    public IReadOnlyList<SelectListItem> Doctors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        Form = new PatientForm
        {
            FirstName = Patient.User!.FirstName,
            LastName = Patient.User.LastName,
            DateOfBirth = Patient.DateOfBirth,
            Phone = Patient.Phone,
            DoctorId = Patient.DoctorId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Doctors.Count > 0 && !DoctorChoices.Contains(Doctors, Form.DoctorId))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(PatientForm.DoctorId)}", DoctorChoices.InvalidDoctorMessage);
        }

        if (Form.DateOfBirth > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(PatientForm.DateOfBirth)}", "The date of birth cannot be in the future.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Patient.User!.FirstName = Form.FirstName?.Trim() ?? "";
        Patient.User.LastName = Form.LastName?.Trim() ?? "";
        Patient.DateOfBirth = Form.DateOfBirth!.Value;
        Patient.Phone = string.IsNullOrWhiteSpace(Form.Phone) ? null : Form.Phone.Trim();
        if (Doctors.Count > 0)
        {
            Patient.DoctorId = Form.DoctorId!.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Patients/Details", new { id });
    }

    /// <summary>Loads the patient through the viewer's scope; a 404 result when it is not theirs to change.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = await access.GetViewerAsync(User, cancellationToken);
        var patient = await access.VisiblePatients(viewer)
            .Include(p => p.User)
            .Include(p => p.Doctor!.User)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound();
        }

        Patient = patient;
        if (viewer.SeesEverything)
        {
            Doctors = await DoctorChoices.ActiveDoctorChoicesAsync(db, cancellationToken);
        }

        return null;
    }
}
