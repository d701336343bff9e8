namespace Clinic.Erp.Domain;

/// <summary>The groups the sample creates at start-up and the permissions each one holds.</summary>
public static class ClinicGroups
{
    /// <summary>Every doctor's group: sees doctors, sees and changes (their own) patients.</summary>
    public const string Doctors = "Doctors";

    /// <summary>Every patient's group: sees doctors and (their own) patient record.</summary>
    public const string Patients = "Patients";

    /// <summary>Clinic staff: every doctor and patient permission, on every row.</summary>
    public const string Staff = "Staff";

    /// <summary>The permissions of each group, as Django permission strings.</summary>
    public static IReadOnlyDictionary<string, string[]> Permissions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Doctors] = [ErpPermissions.ViewDoctor, ErpPermissions.ViewPatient, ErpPermissions.ChangePatient],
        [Patients] = [ErpPermissions.ViewDoctor, ErpPermissions.ViewPatient],
        [Staff] =
        [
            ErpPermissions.ViewDoctor, ErpPermissions.AddDoctor, ErpPermissions.ChangeDoctor,
            ErpPermissions.ViewPatient, ErpPermissions.AddPatient, ErpPermissions.ChangePatient, ErpPermissions.DeletePatient,
        ],
    };
}
