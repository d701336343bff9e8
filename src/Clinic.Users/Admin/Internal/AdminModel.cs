using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>A registered entity, resolved against the EF Core model: names, permissions, columns and form fields.</summary>
internal sealed class AdminModel
{
    public required AdminRegistration Registration { get; init; }

    public required IEntityType EntityType { get; init; }

    public required IProperty Key { get; init; }

    public required string AppLabel { get; init; }

    public required string ModelName { get; init; }

    public required string VerboseName { get; init; }

    public required string VerboseNamePlural { get; init; }

    public required IReadOnlyList<AdminField> ListColumns { get; init; }

    public required IReadOnlyList<AdminField> SearchFields { get; init; }

    public required IReadOnlyList<AdminField> Filters { get; init; }

    /// <summary>Every field shown on the form, in declaration order (excluded properties are absent).</summary>
    public required IReadOnlyList<AdminField> Fields { get; init; }

    /// <summary>Concurrency tokens, posted back as hidden fields and compared on save.</summary>
    public required IReadOnlyList<IProperty> ConcurrencyTokens { get; init; }

    public required IEntityQueries Queries { get; init; }

    public required int PerPage { get; init; }

    public Type ClrType => EntityType.ClrType;

    /// <summary>Django's content type string, <c>"app_label.model_name"</c>.</summary>
    public string ContentType => AppLabel + "." + ModelName;

    public string Perm(string action) => AppLabel + "." + action + "_" + ModelName;

    public AdminActionRegistration? FindAction(string name) =>
        Registration.Actions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
