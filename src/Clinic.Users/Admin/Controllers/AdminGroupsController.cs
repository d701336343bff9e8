using System.Globalization;
using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Admin.Controllers;

/// <summary>Groups: list, add, change (with the permission picker), delete and history.</summary>
internal sealed class AdminGroupsController : AdminController
{
    private const string ContentType = "auth.group";
    private readonly IAdminUsers _users;
    private readonly AdminHistory _history;
    private readonly ILogger<AdminGroupsController> _logger;

    public AdminGroupsController(IAdminUsers users, AdminHistory history, ILogger<AdminGroupsController> logger)
    {
        _users = users;
        _history = history;
        _logger = logger;
    }

    private DbContext Db => _users.Db;

    [HttpGet]
    public async Task<IActionResult> List(string? q, string? o, CancellationToken cancellationToken)
    {
        if (DenyUnlessAny("auth.view_group", "auth.change_group") is { } denied)
        {
            return denied;
        }

        var all = Db.Set<ClinicGroup>().AsNoTracking();
        var query = all;
        foreach (var word in (q ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(10))
        {
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower/Contains to SQL.
            var lowered = word.ToLowerInvariant();
            query = query.Where(g => g.Name.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var perPage = Site.Options.ListPerPage;
        var count = await query.CountAsync(cancellationToken);
        var total = await all.CountAsync(cancellationToken);
        var pages = Math.Max(1, (count + perPage - 1) / perPage);
        var page = Math.Clamp(PageNumber, 1, pages);
        var ordered = o == "-name" ? query.OrderByDescending(g => g.Name) : query.OrderBy(g => g.Name);
        var rows = await ordered.Skip((page - 1) * perPage).Take(perPage).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        Crumbs("Groups", ("Authentication and authorization", null));
        return View("~/Areas/ClinicAdmin/Views/Shared/List.cshtml", new AdminListPage
        {
            Title = "Select group to change",
            PluralName = "groups",
            Columns = [SortableColumn("Name", "name")],
            Rows = [.. rows.Select(g => { var id = g.Id.ToString(CultureInfo.InvariantCulture); return new AdminListPage.Row(id, Urls.Change("auth", "group", id), [g.Name]); })],
            Searchable = true,
            Search = q,
            KeptOnSearch = KeptOnSearch(),
            AddUrl = Actor.Has("auth.add_group") ? Urls.Add("auth", "group") : null,
            Page = page,
            Pages = pages,
            Count = count,
            Total = total,
            PageUrl = n => With(("p", n.ToString(CultureInfo.InvariantCulture))),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Add(string? perm_q, CancellationToken cancellationToken)
    {
        if (Deny("auth.add_group") is { } denied)
        {
            return denied;
        }

        return await Show(null, new AdminGroupForm(), true, perm_q, cancellationToken);
    }

    [HttpPost]
    [ActionName("Add")]
    public async Task<IActionResult> AddPost(CancellationToken cancellationToken)
    {
        if (Deny("auth.add_group") is { } denied)
        {
            return denied;
        }

        return await Save(null, cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> Change([FromRoute] int id, string? perm_q, CancellationToken cancellationToken)
    {
        if (DenyUnlessAny("auth.view_group", "auth.change_group") is { } denied)
        {
            return denied;
        }

        var group = await Db.Set<ClinicGroup>().AsNoTracking().Include(g => g.Permissions).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        var form = new AdminGroupForm { Name = group.Name, Permissions = [.. group.Permissions.Select(p => p.PermissionId)] };
        return await Show(id, form, Actor.Has("auth.change_group"), perm_q, cancellationToken);
    }

    [HttpPost]
    [ActionName("Change")]
    public async Task<IActionResult> ChangePost([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (Deny("auth.change_group") is { } denied)
        {
            return denied;
        }

        return await Save(id, cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> Delete([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (Deny("auth.delete_group") is { } denied)
        {
            return denied;
        }

        var group = await Db.Set<ClinicGroup>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        var plan = await AdminDeletion.PlanAsync(Db, Db.Model.FindEntityType(typeof(ClinicGroup))!, [group], Site.Options.DeleteConfirmationLimit, tracked: false, cancellationToken);
        Crumbs("Are you sure?", ("Groups", Urls.List("auth", "group")), (group.Name, Urls.Change("auth", "group", id.ToString(CultureInfo.InvariantCulture))));
        return View("~/Areas/ClinicAdmin/Views/Shared/DeleteConfirm.cshtml", new AdminDeletePage("Are you sure?", $"the group “{group.Name}”", plan, Urls.Change("auth", "group", id.ToString(CultureInfo.InvariantCulture)), [], false));
    }

    [HttpPost]
    [ActionName("Delete")]
    public async Task<IActionResult> DeletePost([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (Deny("auth.delete_group") is { } denied)
        {
            return denied;
        }

        var group = await Db.Set<ClinicGroup>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        await AdminDeletion.PlanAsync(Db, Db.Model.FindEntityType(typeof(ClinicGroup))!, [group], Site.Options.DeleteConfirmationLimit, tracked: true, cancellationToken);
        await AdminHistory.InTransactionAsync(Db, async () =>
        {
            Db.Remove(group);
            _history.Add(Db, Actor.UserId, ContentType, id.ToString(CultureInfo.InvariantCulture), group.Name, AdminLogAction.Deletion, string.Empty);
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        _logger.AdminChange(Actor.UserId, "deleted", ContentType, id.ToString(CultureInfo.InvariantCulture));
        Flash($"The group “{group.Name}” was deleted successfully.");
        return Redirect(Urls.List("auth", "group"));
    }

    [HttpGet]
    public async Task<IActionResult> History([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (DenyUnlessAny("auth.view_group", "auth.change_group") is { } denied)
        {
            return denied;
        }

        var group = await Db.Set<ClinicGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        var key = id.ToString(CultureInfo.InvariantCulture);
        return await AdminHistoryView.ShowAsync(this, Db, ContentType, key, group.Name, Urls.Change("auth", "group", key), ("Groups", Urls.List("auth", "group")), cancellationToken);
    }

    private async Task<IActionResult> Save(int? id, CancellationToken cancellationToken)
    {
        var form = new AdminGroupForm();
        await BindFormAsync(form);
        ClinicGroup? group = null;
        var current = new List<int>();
        if (id is { } existing)
        {
            group = await Db.Set<ClinicGroup>().Include(g => g.Permissions).FirstOrDefaultAsync(g => g.Id == existing, cancellationToken);
            if (group is null)
            {
                return NotFound();
            }

            current = [.. group.Permissions.Select(p => p.PermissionId)];
        }

        var valid = await Db.Set<ClinicPermission>().AsNoTracking().Where(p => form.Permissions.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var chosen = valid.ToHashSet();
        if (!Actor.IsSuperuser)
        {
            var grantable = await AdminGrants.GrantablePermissionIdsAsync(Db, Actor, cancellationToken);
            if (chosen.Except(current).Any(p => !grantable.Contains(p)))
            {
                _logger.EscalationRefused(Actor.UserId, "permissions they do not hold", "group " + (id?.ToString(CultureInfo.InvariantCulture) ?? "(new)"));
                return Forbidden("You can only give a group permissions you hold yourself.");
            }
        }

        var name = form.Name.Trim();
        if (ModelState.IsValid && await Db.Set<ClinicGroup>().AnyAsync(g => g.Name == name && g.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError(nameof(AdminGroupForm.Name), "Group with this Name already exists.");
        }

        if (!ModelState.IsValid)
        {
            form.Permissions = [.. chosen];
            return await Show(id, form, true, null, cancellationToken);
        }

        var changed = new List<string>();
        group ??= new ClinicGroup();
        await AdminHistory.InTransactionAsync(Db, async () =>
        {
            if (!string.Equals(group.Name, name, StringComparison.Ordinal))
            {
                changed.Add("Name");
            }

            group.Name = name;
            if (!chosen.SetEquals(current))
            {
                changed.Add("Permissions");
            }

            foreach (var removed in group.Permissions.Where(p => !chosen.Contains(p.PermissionId)).ToList())
            {
                group.Permissions.Remove(removed);
            }

            foreach (var added in chosen.Where(p => !current.Contains(p)))
            {
                group.Permissions.Add(new ClinicGroupPermission { PermissionId = added });
            }

            if (id is null)
            {
                Db.Add(group);
            }

            await Db.SaveChangesAsync(cancellationToken);
            _history.Add(Db, Actor.UserId, ContentType, group.Id.ToString(CultureInfo.InvariantCulture), group.Name, id is null ? AdminLogAction.Addition : AdminLogAction.Change, id is null ? AdminChangeMessage.Added() : AdminChangeMessage.Changed(changed));
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        var key = group.Id.ToString(CultureInfo.InvariantCulture);
        _logger.AdminChange(Actor.UserId, id is null ? "added" : "changed", ContentType, key);
        Flash($"The group “{group.Name}” was {(id is null ? "added" : "changed")} successfully.");
        return Redirect(Request.Form.ContainsKey("_continue") ? Urls.Change("auth", "group", key) : Urls.List("auth", "group"));
    }

    private async Task<IActionResult> Show(int? id, AdminGroupForm form, bool canSave, string? filter, CancellationToken cancellationToken)
    {
        var picker = await AdminPickers.PermissionsAsync(Db, "Permissions", form.Permissions, Actor, filter, cancellationToken);
        var key = id?.ToString(CultureInfo.InvariantCulture);
        Crumbs(id is null ? "Add group" : (canSave ? "Change group" : "View group"), ("Groups", Urls.List("auth", "group")));
        return View("~/Areas/ClinicAdmin/Views/AdminGroups/Edit.cshtml", new AdminGroupPage(
            id,
            form,
            canSave,
            picker,
            key is not null && Actor.Has("auth.delete_group") ? Urls.Delete("auth", "group", key) : null,
            key is null ? null : Urls.History("auth", "group", key)));
    }
}
