namespace Clinic.Erp.Domain;

/// <summary>The model permissions Clinic.Users creates for <see cref="Doctor"/> and <see cref="Patient"/> (app label <c>erp</c>).</summary>
public static class ErpPermissions
{
    public const string ViewDoctor = "erp.view_doctor";
    public const string AddDoctor = "erp.add_doctor";
    public const string ChangeDoctor = "erp.change_doctor";
    public const string DeleteDoctor = "erp.delete_doctor";
    public const string ViewPatient = "erp.view_patient";
    public const string AddPatient = "erp.add_patient";
    public const string ChangePatient = "erp.change_patient";
    public const string DeletePatient = "erp.delete_patient";
}
