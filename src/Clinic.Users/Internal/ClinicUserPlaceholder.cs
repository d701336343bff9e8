using System.Runtime.CompilerServices;

namespace Clinic.Users.Internal;

/// <summary>A user object for hashing a dummy password (the hasher ignores the user).</summary>
internal sealed class ClinicUserPlaceholder<TUser>
    where TUser : ClinicUser
{
    public TUser User { get; } = (TUser)RuntimeHelpers.GetUninitializedObject(typeof(TUser));
}
