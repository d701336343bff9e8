namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>An entity's add or change page, derived from the EF Core model.</summary>
internal sealed class AdminFormPage
{
    public required string Title { get; init; }

    public required IReadOnlyList<Field> Fields { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Hidden { get; init; } = [];

    public IReadOnlyList<string> NonFieldErrors { get; init; } = [];

    public bool CanSave { get; init; }

    public bool Adding { get; init; }

    public string? DeleteUrl { get; init; }

    public string? HistoryUrl { get; init; }

    public sealed class Field
    {
        public required string Name { get; init; }

        public required string Label { get; init; }

        public required AdminFieldKind Kind { get; init; }

        public string Value { get; init; } = string.Empty;

        public string Display { get; init; } = string.Empty;

        public bool Required { get; init; }

        public int? MaxLength { get; init; }

        public bool ReadOnly { get; init; }

        public string? Help { get; init; }

        public IReadOnlyList<string> Errors { get; init; } = [];

        /// <summary>Options of a choice or foreign-key field (value, label).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Choices { get; init; } = [];

        /// <summary>The picker's current search (foreign keys).</summary>
        public string? Search { get; init; }

        /// <summary>Whether the picker was cut at the option limit.</summary>
        public bool MoreChoices { get; init; }
    }
}
