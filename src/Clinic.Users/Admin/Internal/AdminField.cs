using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>One property on the admin's form or list, derived from the EF Core model and data annotations.</summary>
internal sealed class AdminField
{
    public required IProperty Property { get; init; }

    public required PropertyInfo Clr { get; init; }

    public required string Label { get; init; }

    public required AdminFieldKind Kind { get; init; }

    /// <summary>The type without <see cref="Nullable{T}"/>.</summary>
    public required Type ValueType { get; init; }

    public required bool Required { get; init; }

    public int? MaxLength { get; init; }

    public string? Help { get; init; }

    /// <summary>Shown, never bound (read-only fields, store-generated keys on the change page).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Bound only when adding (a key the application chooses).</summary>
    public bool AddOnly { get; init; }

    /// <summary>The principal of a single-property foreign key.</summary>
    public IEntityType? Principal { get; init; }

    /// <summary>Enum names and values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Choices { get; init; } = [];

    public string Name => Property.Name;
}
