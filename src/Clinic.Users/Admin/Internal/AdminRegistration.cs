namespace Clinic.Users.Admin.Internal;

/// <summary>What <see cref="ClinicAdminOptions.Register{TEntity}"/> recorded, checked against the EF Core model at start-up.</summary>
internal sealed record AdminRegistration(
    Type EntityType,
    IReadOnlyList<string> List,
    IReadOnlyList<string> Search,
    IReadOnlyList<string> Filters,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> ReadOnly,
    IReadOnlyList<AdminActionRegistration> Actions,
    string? OrderBy,
    bool OrderDescending,
    int? PerPage,
    Type QueriesType);
