namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>The user change page: the bound form plus what it shows (never the password hash).</summary>
internal sealed record AdminUserPage(AdminUserRow User, AdminUserForm Form, bool CanSave, bool ShowSuperuser, AdminPickerModel Groups, AdminPickerModel Permissions, string? DeleteUrl, string HistoryUrl, string PasswordUrl);
