namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>Any change list: columns with sort links, rows, search, filters, actions and pages.</summary>
internal sealed class AdminListPage
{
    public required string Title { get; init; }

    public required string PluralName { get; init; }

    public required IReadOnlyList<Column> Columns { get; init; }

    public required IReadOnlyList<Row> Rows { get; init; }

    public bool Searchable { get; init; }

    public string? Search { get; init; }

    /// <summary>Query-string values to keep when searching (filters, order).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KeptOnSearch { get; init; } = [];

    public IReadOnlyList<FilterGroup> Filters { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Actions { get; init; } = [];

    public string? AddUrl { get; init; }

    public required int Page { get; init; }

    public required int Pages { get; init; }

    public required int Count { get; init; }

    public required int Total { get; init; }

    public required Func<int, string> PageUrl { get; init; }

    public sealed record Column(string Label, string? SortUrl, bool? Descending);

    public sealed record Row(string Id, string? Url, IReadOnlyList<string> Cells);

    public sealed record FilterGroup(string Title, IReadOnlyList<FilterOption> Options);

    public sealed record FilterOption(string Label, string Url, bool Selected);
}
