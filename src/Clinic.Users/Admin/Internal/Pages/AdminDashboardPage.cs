namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>The dashboard: the models the user may see, by app, and their own recent actions.</summary>
internal sealed record AdminDashboardPage(IReadOnlyList<AdminDashboardPage.App> Apps, IReadOnlyList<AdminDashboardPage.Recent> RecentActions)
{
    public sealed record App(string Label, IReadOnlyList<Model> Models);

    public sealed record Model(string Name, string? ListUrl, string? AddUrl);

    public sealed record Recent(string Repr, string? Url, AdminLogAction Action, string ContentType);
}
