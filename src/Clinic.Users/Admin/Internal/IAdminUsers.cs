using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Internal;

/// <summary>The user screens' operations for the application's user type (see <see cref="AdminUsers{TUser, TContext}"/>).</summary>
internal interface IAdminUsers
{
    DbContext Db { get; }

    Type UserType { get; }

    Task<AdminStaffInfo?> GetStaffAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);

    Task<(List<AdminUserRow> Rows, int Count, int Total)> ListAsync(AdminUserListQuery query, CancellationToken cancellationToken);

    Task<AdminUserRow?> GetAsync(string id, CancellationToken cancellationToken);

    Task<object?> FindEntityAsync(string id, bool tracked, CancellationToken cancellationToken);

    Task<(List<int> Groups, List<int> Permissions)> GetGrantsAsync(string id, CancellationToken cancellationToken);

    Task<(AdminSaveOutcome Outcome, string? Id)> CreateAsync(AdminUserAddForm form, AdminRequest actor, ModelStateDictionary errors, CancellationToken cancellationToken);

    Task<AdminSaveOutcome> UpdateAsync(string id, AdminUserForm form, AdminRequest actor, ClaimsPrincipal principal, ModelStateDictionary errors, CancellationToken cancellationToken);

    Task<AdminSaveOutcome> DeleteAsync(string id, AdminRequest actor, int limit, CancellationToken cancellationToken);

    Task<AdminSaveOutcome> SetPasswordAsync(string id, SetPasswordViewModel form, AdminRequest actor, ClaimsPrincipal principal, ModelStateDictionary errors, CancellationToken cancellationToken);
}

/// <summary>The users list's search, filters, order and page.</summary>
internal sealed record AdminUserListQuery(string? Search, bool? IsActive, bool? IsStaff, bool? IsSuperuser, int? GroupId, string Order, bool Descending, int Page, int PerPage);
