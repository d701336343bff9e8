namespace Clinic.Users;

/// <summary>What an <see cref="AdminLogEntry"/> records (Django's <c>ADDITION</c>, <c>CHANGE</c>, <c>DELETION</c>, same numbers).</summary>
public enum AdminLogAction
{
    /// <summary>An object was added.</summary>
    Addition = 1,

    /// <summary>An object was changed.</summary>
    Change = 2,

    /// <summary>An object was deleted.</summary>
    Deletion = 3,
}
