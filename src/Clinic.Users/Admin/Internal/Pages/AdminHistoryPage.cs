namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>An object's history (Django's "History" page).</summary>
internal sealed record AdminHistoryPage(string Title, string ObjectRepr, string ChangeUrl, IReadOnlyList<AdminHistoryPage.Entry> Entries)
{
    public sealed record Entry(DateTimeOffset When, string User, string Action);
}
