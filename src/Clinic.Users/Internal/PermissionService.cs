using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Internal;

/// <summary>Scoped: loads a user's permissions in one query and keeps them for the rest of the scope (request).</summary>
internal sealed class PermissionService<TUser, TContext> : IPermissionService
    where TUser : ClinicUser
    where TContext : DbContext
{
    private readonly TContext _context;
    private readonly string _userIdClaimType;
    private readonly UsersMetrics _metrics;
    private ClaimsPrincipal? _lastPrincipal;
    private UserPermissions? _last;
    private Dictionary<string, UserPermissions>? _byUser;

    public PermissionService(TContext context, IOptions<IdentityOptions> identityOptions, UsersMetrics metrics)
    {
        _context = context;
        _userIdClaimType = identityOptions.Value.ClaimsIdentity.UserIdClaimType;
        _metrics = metrics;
    }

    public ValueTask<bool> HasPermAsync(ClaimsPrincipal? user, string? permission, CancellationToken cancellationToken = default)
    {
        if (user is not null && ReferenceEquals(user, _lastPrincipal))
        {
            return new ValueTask<bool>(_last!.HasPerm(permission));
        }

        return Slow(user, permission, cancellationToken);

        async ValueTask<bool> Slow(ClaimsPrincipal? user, string? permission, CancellationToken cancellationToken) =>
            (await GetPermissionsAsync(user, cancellationToken)).HasPerm(permission);
    }

    public ValueTask<UserPermissions> GetPermissionsAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        if (user is not null && ReferenceEquals(user, _lastPrincipal))
        {
            return new ValueTask<UserPermissions>(_last!);
        }

        var userId = UserIdOf(user);
        if (userId is null)
        {
            return new ValueTask<UserPermissions>(UserPermissions.Anonymous);
        }

        if (_byUser is not null && _byUser.TryGetValue(userId, out var known))
        {
            Remember(user!, userId, known);
            return new ValueTask<UserPermissions>(known);
        }

        return Load(user!, userId, cancellationToken);

        async ValueTask<UserPermissions> Load(ClaimsPrincipal user, string userId, CancellationToken cancellationToken)
        {
            var row = await Query(userId).FirstOrDefaultAsync(cancellationToken);
            var superuserAll = row is { IsActive: true, IsSuperuser: true } ? await AllQuery().ToListAsync(cancellationToken) : null;
            var loaded = Build(userId, row, superuserAll);
            Remember(user, userId, loaded);
            return loaded;
        }
    }

    public UserPermissions GetPermissions(ClaimsPrincipal? user)
    {
        if (user is not null && ReferenceEquals(user, _lastPrincipal))
        {
            return _last!;
        }

        var userId = UserIdOf(user);
        if (userId is null)
        {
            return UserPermissions.Anonymous;
        }

        if (_byUser is null || !_byUser.TryGetValue(userId, out var loaded))
        {
            var row = Query(userId).FirstOrDefault();
            var superuserAll = row is { IsActive: true, IsSuperuser: true } ? AllQuery().ToList() : null;
            loaded = Build(userId, row, superuserAll);
        }

        Remember(user!, userId, loaded);
        return loaded;
    }

    /// <summary>Seeds the per-request cache (tests and benchmarks).</summary>
    internal void Prime(ClaimsPrincipal user, UserPermissions permissions) =>
        Remember(user, permissions.UserId ?? string.Empty, permissions);

    private string? UserIdOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(_userIdClaimType)?.Value : null;

    private void Remember(ClaimsPrincipal user, string userId, UserPermissions permissions)
    {
        (_byUser ??= new Dictionary<string, UserPermissions>(StringComparer.Ordinal))[userId] = permissions;
        _lastPrincipal = user;
        _last = permissions;
    }

    private IQueryable<PermissionRow> Query(string userId)
    {
        var context = _context;
        return context.Set<TUser>().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new PermissionRow
            {
                IsActive = u.IsActive,
                IsSuperuser = u.IsSuperuser,
                UserPermissions = context.Set<ClinicUserPermission>()
                    .Where(up => up.UserId == u.Id)
                    .Select(up => up.Permission!.AppLabel + "." + up.Permission.Codename)
                    .ToList(),
                GroupPermissions = context.Set<ClinicUserGroup>()
                    .Where(ug => ug.UserId == u.Id)
                    .SelectMany(ug => ug.Group!.Permissions)
                    .Select(gp => gp.Permission!.AppLabel + "." + gp.Permission.Codename)
                    .ToList(),
            });
    }

    private IQueryable<string> AllQuery() =>
        _context.Set<ClinicPermission>().AsNoTracking().Select(p => p.AppLabel + "." + p.Codename);

    private UserPermissions Build(string userId, PermissionRow? row, List<string>? superuserAll)
    {
        _metrics.PermissionLoads.Add(1);
        if (row is null)
        {
            return UserPermissions.Anonymous;
        }

        if (superuserAll is not null)
        {
            var every = superuserAll.Where(PermissionName.IsWellFormed).ToFrozenSet(StringComparer.Ordinal);
            return new UserPermissions(userId, row.IsActive, row.IsSuperuser, every, every, every);
        }

        var user = row.UserPermissions.Where(PermissionName.IsWellFormed).ToFrozenSet(StringComparer.Ordinal);
        var group = row.GroupPermissions.Where(PermissionName.IsWellFormed).ToFrozenSet(StringComparer.Ordinal);
        var all = user.Concat(group).ToFrozenSet(StringComparer.Ordinal);
        return new UserPermissions(userId, row.IsActive, row.IsSuperuser, user, group, all);
    }

    private sealed class PermissionRow
    {
        public bool IsActive { get; init; }

        public bool IsSuperuser { get; init; }

        public List<string> UserPermissions { get; init; } = [];

        public List<string> GroupPermissions { get; init; } = [];
    }
}
