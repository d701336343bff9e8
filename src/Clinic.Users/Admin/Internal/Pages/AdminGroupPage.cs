namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>The group add and change page.</summary>
internal sealed record AdminGroupPage(int? Id, AdminGroupForm Form, bool CanSave, AdminPickerModel Permissions, string? DeleteUrl, string? HistoryUrl);
