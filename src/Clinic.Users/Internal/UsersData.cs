using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Internal;

/// <summary>EF Core implementation of <see cref="IUsersData"/> on the application's context.</summary>
internal sealed class UsersData<TUser, TContext> : IUsersData
    where TUser : ClinicUser
    where TContext : DbContext
{
    private readonly TContext _context;

    public UsersData(TContext context)
    {
        _context = context;
    }

    public async Task<bool> AddToGroupAsync(string userId, string groupName, CancellationToken cancellationToken)
    {
        var groupId = await _context.Set<ClinicGroup>().Where(g => g.Name == groupName).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
        if (groupId is null)
        {
            return false;
        }

        if (await _context.Set<ClinicUserGroup>().AnyAsync(x => x.UserId == userId && x.GroupId == groupId, cancellationToken))
        {
            return true;
        }

        _context.Set<ClinicUserGroup>().Add(new ClinicUserGroup { UserId = userId, GroupId = groupId.Value });
        await _context.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveFromGroupAsync(string userId, string groupName, CancellationToken cancellationToken) =>
        await _context.Set<ClinicUserGroup>()
            .Where(x => x.UserId == userId && x.Group!.Name == groupName)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<bool> AddPermissionAsync(string userId, string appLabel, string codename, CancellationToken cancellationToken)
    {
        var permissionId = await _context.Set<ClinicPermission>()
            .Where(p => p.AppLabel == appLabel && p.Codename == codename)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (permissionId is null)
        {
            return false;
        }

        if (await _context.Set<ClinicUserPermission>().AnyAsync(x => x.UserId == userId && x.PermissionId == permissionId, cancellationToken))
        {
            return true;
        }

        _context.Set<ClinicUserPermission>().Add(new ClinicUserPermission { UserId = userId, PermissionId = permissionId.Value });
        await _context.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemovePermissionAsync(string userId, string appLabel, string codename, CancellationToken cancellationToken) =>
        await _context.Set<ClinicUserPermission>()
            .Where(x => x.UserId == userId && x.Permission!.AppLabel == appLabel && x.Permission.Codename == codename)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<SessionState> LoadSessionStateAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await _context.Set<TUser>().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? SessionState.Missing : new SessionState(true, row.IsActive, row.SecurityStamp);
    }
}
