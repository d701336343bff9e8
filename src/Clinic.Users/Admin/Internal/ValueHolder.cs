namespace Clinic.Users.Admin.Internal;

/// <summary>Holds a query value so EF Core reads it as a captured variable and sends it as a SQL parameter.</summary>
/// <typeparam name="TValue">The value's type.</typeparam>
internal sealed class ValueHolder<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}
