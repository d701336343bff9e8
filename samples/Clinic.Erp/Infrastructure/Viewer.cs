namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Who is asking, as far as rows are concerned: staff and superusers see every row; a doctor their own patients; a
/// patient their own record. Model permissions (<c>erp.view_patient</c> ...) are checked separately, on the endpoint.
/// </summary>
/// <param name="UserId">The signed-in user's id, or <see langword="null"/> when anonymous.</param>
/// <param name="SeesEverything">Active staff member or superuser.</param>
/// <param name="DoctorId">The doctor record of the user, if any.</param>
/// <param name="PatientId">The patient record of the user, if any.</param>
/// <param name="MayEnterAdmin">Active staff member: the admin panel lets them in (a superuser must be staff too, as in Django).</param>
public sealed record Viewer(string? UserId, bool SeesEverything, int? DoctorId, int? PatientId, bool MayEnterAdmin = false)
{
    /// <summary>Nobody signed in.</summary>
    public static Viewer Anonymous { get; } = new(null, false, null, null);

    /// <summary>Whether the viewer may see a doctor's patient list: that doctor, staff or a superuser.</summary>
    public bool MaySeePatientsOf(int doctorId) => SeesEverything || DoctorId == doctorId;
}
