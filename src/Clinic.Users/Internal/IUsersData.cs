namespace Clinic.Users.Internal;

/// <summary>The database work of the user manager and the session check, behind the generic context type.</summary>
internal interface IUsersData
{
    Task<bool> AddToGroupAsync(string userId, string groupName, CancellationToken cancellationToken);

    Task<bool> RemoveFromGroupAsync(string userId, string groupName, CancellationToken cancellationToken);

    Task<bool> AddPermissionAsync(string userId, string appLabel, string codename, CancellationToken cancellationToken);

    Task<bool> RemovePermissionAsync(string userId, string appLabel, string codename, CancellationToken cancellationToken);

    Task<SessionState> LoadSessionStateAsync(string userId, CancellationToken cancellationToken);
}
