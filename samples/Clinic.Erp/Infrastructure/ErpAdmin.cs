using Clinic.Erp.Domain;
using Clinic.Users.Admin;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// The sample's entities in Clinic.Users' admin panel (Django's <c>admin.py</c>): staff and superusers manage doctors
/// and patients at <c>/admin/</c>, each screen checked against the user's <c>erp.*_doctor</c>/<c>erp.*_patient</c>
/// permissions by the package.
/// </summary>
public static class ErpAdmin
{
    /// <summary>Registers <see cref="Doctor"/> and <see cref="Patient"/> with their list columns, search and filters.</summary>
    public static void Register(ClinicAdminOptions admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.SiteTitle = "Clinic ERP administration";

        // The registered search fields also drive the patient form's doctor picker, which loads only the doctors
        // matching what is typed (never the whole table).
        admin.Register<Doctor>(m => m
            .List(d => d.LicenceNumber, d => d.UserId, d => d.Speciality, d => d.IsActive)
            .Search(d => d.Speciality, d => d.LicenceNumber)
            .Filter(d => d.IsActive, d => d.Speciality)
            .OrderBy(d => d.LicenceNumber));

        // The doctor foreign key is both a list column and a side-bar filter; in the form it is the admin's bounded,
        // searchable picker.
        admin.Register<Patient>(m => m
            .List(p => p.UserId, p => p.DoctorId, p => p.DateOfBirth, p => p.Phone)
            .Search(p => p.Phone)
            .Filter(p => p.DoctorId)
            .OrderBy(p => p.Id));
    }
}
