using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// The user screens' work, through Identity's user manager (validators, normalisation, security stamps, session-state
/// invalidation) inside one transaction with the history entry.
/// </summary>
/// <typeparam name="TUser">The application's user type.</typeparam>
/// <typeparam name="TContext">The users context.</typeparam>
internal sealed class AdminUsers<TUser, TContext> : IAdminUsers
    where TUser : ClinicUser, new()
    where TContext : DbContext
{
    private readonly TContext _db;
    private readonly ClinicUserManager<TUser> _users;
    private readonly ClinicAccountService<TUser> _account;
    private readonly AdminHistory _history;
    private readonly AdminSite _site;
    private readonly ILogger<AdminUsers<TUser, TContext>> _logger;

    public AdminUsers(TContext db, ClinicUserManager<TUser> users, ClinicAccountService<TUser> account, AdminHistory history, AdminSite site, ILogger<AdminUsers<TUser, TContext>> logger)
    {
        _db = db;
        _users = users;
        _account = account;
        _history = history;
        _site = site;
        _logger = logger;
    }

    public DbContext Db => _db;

    public Type UserType => typeof(TUser);

    private string ContentType => _site.UserModel.AppLabel + "." + _site.UserModel.ModelName;

    public async Task<AdminStaffInfo?> GetStaffAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var id = _users.GetUserId(principal);
        if (id is null)
        {
            return null;
        }

        return await _db.Set<TUser>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new AdminStaffInfo(u.Id, u.Email ?? string.Empty, u.IsActive, u.IsStaff, u.IsSuperuser))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<(List<AdminUserRow> Rows, int Count, int Total)> ListAsync(AdminUserListQuery query, CancellationToken cancellationToken)
    {
        var all = _db.Set<TUser>().AsNoTracking();
        var users = all;
        foreach (var word in (query.Search ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(10))
        {
            var lowered = word.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower/Contains to SQL lower() and a substring test.
            users = users.Where(u => (u.Email != null && u.Email.ToLower().Contains(lowered)) || u.FirstName.ToLower().Contains(lowered) || u.LastName.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (query.IsActive is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        if (query.IsStaff is { } staff)
        {
            users = users.Where(u => u.IsStaff == staff);
        }

        if (query.IsSuperuser is { } superuser)
        {
            users = users.Where(u => u.IsSuperuser == superuser);
        }

        if (query.GroupId is { } groupId)
        {
            var members = _db.Set<ClinicUserGroup>().Where(g => g.GroupId == groupId).Select(g => g.UserId);
            users = users.Where(u => members.Contains(u.Id));
        }

        var count = await users.CountAsync(cancellationToken);
        var total = ReferenceEquals(users, all) ? count : await all.CountAsync(cancellationToken);
        var ordered = (query.Order, query.Descending) switch
        {
            ("first_name", false) => users.OrderBy(u => u.FirstName),
            ("first_name", true) => users.OrderByDescending(u => u.FirstName),
            ("last_name", false) => users.OrderBy(u => u.LastName),
            ("last_name", true) => users.OrderByDescending(u => u.LastName),
            ("is_staff", false) => users.OrderBy(u => u.IsStaff),
            ("is_staff", true) => users.OrderByDescending(u => u.IsStaff),
            (_, true) => users.OrderByDescending(u => u.Email),
            _ => users.OrderBy(u => u.Email),
        };
        var pages = Math.Max(1, (count + query.PerPage - 1) / query.PerPage);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await ordered.ThenBy(u => u.Id).Skip((page - 1) * query.PerPage).Take(query.PerPage)
            .Select(u => new AdminUserRow(u.Id, u.Email ?? string.Empty, u.FirstName, u.LastName, u.IsActive, u.IsStaff, u.IsSuperuser, u.DateJoined, u.LastLogin))
            .ToListAsync(cancellationToken);
        return (rows, count, total);
    }

    public Task<AdminUserRow?> GetAsync(string id, CancellationToken cancellationToken) =>
        _db.Set<TUser>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new AdminUserRow(u.Id, u.Email ?? string.Empty, u.FirstName, u.LastName, u.IsActive, u.IsStaff, u.IsSuperuser, u.DateJoined, u.LastLogin))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<object?> FindEntityAsync(string id, bool tracked, CancellationToken cancellationToken) =>
        await (tracked ? _db.Set<TUser>() : _db.Set<TUser>().AsNoTracking()).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<(List<int> Groups, List<int> Permissions)> GetGrantsAsync(string id, CancellationToken cancellationToken)
    {
        var groups = await _db.Set<ClinicUserGroup>().AsNoTracking().Where(g => g.UserId == id).Select(g => g.GroupId).ToListAsync(cancellationToken);
        var permissions = await _db.Set<ClinicUserPermission>().AsNoTracking().Where(p => p.UserId == id).Select(p => p.PermissionId).ToListAsync(cancellationToken);
        return (groups, permissions);
    }

    public async Task<(AdminSaveOutcome Outcome, string? Id)> CreateAsync(AdminUserAddForm form, AdminRequest actor, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        string? id = null;
        var saved = await AdminHistory.InTransactionAsync(_db, async () =>
        {
            var user = new TUser { Email = form.Email };
            var result = await _users.CreateAsync(user, form.Password);
            if (!result.Succeeded)
            {
                AddErrors(result, errors, nameof(AdminUserAddForm.Password), nameof(AdminUserAddForm.Email));
                return false;
            }

            _history.Add(_db, actor.UserId, ContentType, user.Id, user.Email ?? user.Id, AdminLogAction.Addition, AdminChangeMessage.Added());
            await _db.SaveChangesAsync(cancellationToken);
            id = user.Id;
            return true;
        }, cancellationToken);
        if (saved)
        {
            _logger.AdminChange(actor.UserId, "added", ContentType, id!);
        }

        return (saved ? AdminSaveOutcome.Saved : AdminSaveOutcome.Invalid, id);
    }

    public async Task<AdminSaveOutcome> UpdateAsync(string id, AdminUserForm form, AdminRequest actor, ClaimsPrincipal principal, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return AdminSaveOutcome.NotFound;
        }

        if (!actor.IsSuperuser && (user.IsSuperuser || form.IsSuperuser))
        {
            _logger.EscalationRefused(actor.UserId, "superuser status", user.Id);
            return AdminSaveOutcome.Forbidden;
        }

        var (currentGroups, currentPermissions) = await GetGrantsAsync(id, cancellationToken);
        var existingGroups = await _db.Set<ClinicGroup>().AsNoTracking().Where(g => form.Groups.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        var existingPermissions = await _db.Set<ClinicPermission>().AsNoTracking().Where(p => form.Permissions.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var groups = existingGroups.ToHashSet();
        var permissions = existingPermissions.ToHashSet();
        if (!actor.IsSuperuser)
        {
            var grantableGroups = await AdminGrants.GrantableGroupIdsAsync(_db, actor, cancellationToken);
            var grantablePermissions = await AdminGrants.GrantablePermissionIdsAsync(_db, actor, cancellationToken);
            if (groups.Except(currentGroups).Any(g => !grantableGroups.Contains(g)))
            {
                _logger.EscalationRefused(actor.UserId, "a group with permissions they do not hold", user.Id);
                return AdminSaveOutcome.Forbidden;
            }

            if (permissions.Except(currentPermissions).Any(p => !grantablePermissions.Contains(p)))
            {
                _logger.EscalationRefused(actor.UserId, "permissions they do not hold", user.Id);
                return AdminSaveOutcome.Forbidden;
            }
        }

        if (!errors.IsValid)
        {
            return AdminSaveOutcome.Invalid;
        }

        var changed = new List<string>();
        var saved = await AdminHistory.InTransactionAsync(_db, async () =>
        {
            var email = ClinicUserEmail.Normalize(form.Email);
            Note(!string.Equals(email, user.Email, StringComparison.Ordinal), "Email address");
            Note(!string.Equals(form.FirstName?.Trim() ?? string.Empty, user.FirstName, StringComparison.Ordinal), "First name");
            Note(!string.Equals(form.LastName?.Trim() ?? string.Empty, user.LastName, StringComparison.Ordinal), "Last name");
            Note(form.IsActive != user.IsActive, "Active");
            Note(form.IsStaff != user.IsStaff, "Staff status");
            Note(form.IsSuperuser != user.IsSuperuser, "Superuser status");
            var deactivated = user.IsActive && !form.IsActive;
            user.IsActive = form.IsActive;
            user.IsStaff = form.IsStaff;
            user.IsSuperuser = form.IsSuperuser;
            var result = await _account.ChangeUserAsync(user, new UserChangeViewModel { Email = form.Email, FirstName = form.FirstName, LastName = form.LastName }, principal);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    errors.AddModelError(error.Field == nameof(UserChangeViewModel.Email) ? nameof(AdminUserForm.Email) : string.Empty, error.Message);
                }

                return false;
            }

            if (deactivated)
            {
                await _users.EndSessionsAsync(user);
            }

            Note(!groups.SetEquals(currentGroups), "Groups");
            _db.Set<ClinicUserGroup>().RemoveRange(currentGroups.Where(g => !groups.Contains(g)).Select(g => new ClinicUserGroup { UserId = user.Id, GroupId = g }));
            _db.Set<ClinicUserGroup>().AddRange(groups.Where(g => !currentGroups.Contains(g)).Select(g => new ClinicUserGroup { UserId = user.Id, GroupId = g }));
            Note(!permissions.SetEquals(currentPermissions), "User permissions");
            _db.Set<ClinicUserPermission>().RemoveRange(currentPermissions.Where(p => !permissions.Contains(p)).Select(p => new ClinicUserPermission { UserId = user.Id, PermissionId = p }));
            _db.Set<ClinicUserPermission>().AddRange(permissions.Where(p => !currentPermissions.Contains(p)).Select(p => new ClinicUserPermission { UserId = user.Id, PermissionId = p }));
            _history.Add(_db, actor.UserId, ContentType, user.Id, user.Email ?? user.Id, AdminLogAction.Change, AdminChangeMessage.Changed(changed));
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        if (saved)
        {
            _logger.AdminChange(actor.UserId, "changed", ContentType, user.Id);
        }

        return saved ? AdminSaveOutcome.Saved : AdminSaveOutcome.Invalid;

        void Note(bool differs, string label)
        {
            if (differs)
            {
                changed.Add(label);
            }
        }
    }

    public async Task<AdminSaveOutcome> DeleteAsync(string id, AdminRequest actor, int limit, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return AdminSaveOutcome.NotFound;
        }

        if (!actor.IsSuperuser && user.IsSuperuser)
        {
            _logger.EscalationRefused(actor.UserId, "the deletion of a superuser", user.Id);
            return AdminSaveOutcome.Forbidden;
        }

        var plan = await AdminDeletion.PlanAsync(_db, _db.Model.FindEntityType(typeof(TUser))!, [user], limit, tracked: true, cancellationToken);
        if (plan.Protected.Count > 0)
        {
            return AdminSaveOutcome.Invalid;
        }

        var saved = await AdminHistory.InTransactionAsync(_db, async () =>
        {
            _history.Add(_db, actor.UserId, ContentType, user.Id, user.Email ?? user.Id, AdminLogAction.Deletion, string.Empty);
            return (await _users.DeleteAsync(user)).Succeeded;
        }, cancellationToken);
        return saved ? AdminSaveOutcome.Saved : AdminSaveOutcome.Invalid;
    }

    public async Task<AdminSaveOutcome> SetPasswordAsync(string id, SetPasswordViewModel form, AdminRequest actor, ClaimsPrincipal principal, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return AdminSaveOutcome.NotFound;
        }

        if (!actor.IsSuperuser && user.IsSuperuser)
        {
            _logger.EscalationRefused(actor.UserId, "a superuser's password", user.Id);
            return AdminSaveOutcome.Forbidden;
        }

        if (!errors.IsValid)
        {
            return AdminSaveOutcome.Invalid;
        }

        var saved = await AdminHistory.InTransactionAsync(_db, async () =>
        {
            var result = await _account.SetPasswordAsync(user, form, principal);
            if (!result.Succeeded)
            {
                result.AddTo(errors);
                return false;
            }

            _history.Add(_db, actor.UserId, ContentType, user.Id, user.Email ?? user.Id, AdminLogAction.Change, AdminChangeMessage.Changed(["password"]));
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return saved ? AdminSaveOutcome.Saved : AdminSaveOutcome.Invalid;
    }

    private static void AddErrors(IdentityResult result, ModelStateDictionary errors, string passwordField, string userField)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("password", StringComparison.OrdinalIgnoreCase) ? passwordField : userField;
            errors.AddModelError(field, error.Description);
        }
    }
}
