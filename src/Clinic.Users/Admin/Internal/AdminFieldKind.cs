namespace Clinic.Users.Admin.Internal;

/// <summary>How a scalar property is edited.</summary>
internal enum AdminFieldKind
{
    Text,
    TextArea,
    Email,
    Integer,
    Decimal,
    Boolean,
    Date,
    DateTime,
    Time,
    Guid,
    Choice,
    ForeignKey,
}
