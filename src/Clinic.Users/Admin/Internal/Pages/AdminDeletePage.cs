namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>The confirmation before deleting one or several objects.</summary>
internal sealed record AdminDeletePage(string Title, string What, AdminDeletePlan Plan, string CancelUrl, IReadOnlyList<string> SelectedIds, bool Bulk);
