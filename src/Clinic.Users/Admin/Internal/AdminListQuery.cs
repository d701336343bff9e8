using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>A list request after parsing: search words, filters, order and page (1-based).</summary>
internal sealed class AdminListQuery
{
    public IReadOnlyList<IProperty> SearchFields { get; init; } = [];

    public string? Search { get; init; }

    /// <summary>Equality filters; a <see langword="null"/> value means IS NULL.</summary>
    public IReadOnlyList<KeyValuePair<IProperty, object?>> Filters { get; init; } = [];

    public IReadOnlyList<(IProperty Property, bool Descending)> Order { get; init; } = [];

    public required IProperty Key { get; init; }

    public int Page { get; init; } = 1;

    public int PerPage { get; init; } = 100;
}

/// <summary>One page of a list.</summary>
internal sealed record AdminListResult(IReadOnlyList<object> Rows, int Count, int TotalCount);
