namespace Clinic.Users.Internal;

/// <summary>Registered once so a second <c>AddClinicUsers</c> call only adds configuration.</summary>
internal sealed class ClinicUsersMarker
{
    public ClinicUsersMarker(Type userType, Type contextType)
    {
        UserType = userType;
        ContextType = contextType;
    }

    public Type UserType { get; }

    public Type ContextType { get; }
}
