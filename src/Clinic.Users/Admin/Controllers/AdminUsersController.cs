using System.Globalization;
using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Controllers;

/// <summary>Users: list, add, change (flags, groups, permissions), set password, delete and history.</summary>
internal sealed class AdminUsersController : AdminController
{
    private readonly IAdminUsers _users;

    public AdminUsersController(IAdminUsers users)
    {
        _users = users;
    }

    private string Perm(string action) => Site.UserPerm(action);

    private string ContentType => Site.UserModel.AppLabel + "." + Site.UserModel.ModelName;

    [HttpGet]
    public async Task<IActionResult> List(string? q, string? o, string? is_active, string? is_staff, string? is_superuser, string? group, CancellationToken cancellationToken)
    {
        if (DenyUnlessAny(Perm("view"), Perm("change")) is { } denied)
        {
            return denied;
        }

        var descending = o?.StartsWith('-') == true;
        var order = o?.TrimStart('-') ?? "email";
        int? groupId = int.TryParse(group, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : null;
        var perPage = Site.Options.ListPerPage;
        var (rows, count, total) = await _users.ListAsync(new AdminUserListQuery(q, YesNo(is_active), YesNo(is_staff), YesNo(is_superuser), groupId, order, descending, PageNumber, perPage), cancellationToken);
        var groups = await _users.Db.Set<ClinicGroup>().AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).Take(100).ToListAsync(cancellationToken);
        var pages = Math.Max(1, (count + perPage - 1) / perPage);
        Crumbs("Users", ("Authentication and authorization", null));
        return View("~/Areas/ClinicAdmin/Views/Shared/List.cshtml", new AdminListPage
        {
            Title = "Select user to change",
            PluralName = "users",
            Columns = [SortableColumn("Email address", "email"), SortableColumn("First name", "first_name"), SortableColumn("Last name", "last_name"), SortableColumn("Staff status", "is_staff")],
            Rows = [.. rows.Select(u => new AdminListPage.Row(u.Id, Urls.Change("auth", "user", u.Id), [u.Email, u.FirstName, u.LastName, AdminValues.Display(u.IsStaff)]))],
            Searchable = true,
            Search = q,
            KeptOnSearch = KeptOnSearch(),
            Filters =
            [
                YesNoFilter("By staff status", "is_staff", is_staff, With),
                YesNoFilter("By superuser status", "is_superuser", is_superuser, With),
                YesNoFilter("By active", "is_active", is_active, With),
                new AdminListPage.FilterGroup("By group", [new("All", With(("group", null)), groupId is null), .. groups.Select(x => new AdminListPage.FilterOption(x.Name, With(("group", x.Id.ToString(CultureInfo.InvariantCulture))), x.Id == groupId))]),
            ],
            AddUrl = Actor.Has(Perm("add")) ? Urls.Add("auth", "user") : null,
            Page = Math.Clamp(PageNumber, 1, pages),
            Pages = pages,
            Count = count,
            Total = total,
            PageUrl = n => With(("p", n.ToString(CultureInfo.InvariantCulture))),
        });
    }

    [HttpGet]
    public IActionResult Add()
    {
        if (Deny(Perm("add")) is { } denied)
        {
            return denied;
        }

        Crumbs("Add user", ("Users", Urls.List("auth", "user")));
        return View(new AdminUserAddForm());
    }

    [HttpPost]
    [ActionName("Add")]
    public async Task<IActionResult> AddPost(CancellationToken cancellationToken)
    {
        if (Deny(Perm("add")) is { } denied)
        {
            return denied;
        }

        var form = new AdminUserAddForm();
        await BindFormAsync(form);
        if (ModelState.IsValid)
        {
            var (outcome, id) = await _users.CreateAsync(form, Actor, ModelState, cancellationToken);
            if (outcome == AdminSaveOutcome.Saved)
            {
                Flash($"The user “{ClinicUserEmail.Normalize(form.Email)}” was added successfully. You may edit it again below.");
                return Redirect(Actor.Has(Perm("change")) ? Urls.Change("auth", "user", id!) : Urls.List("auth", "user"));
            }
        }

        form.Password = string.Empty;
        form.ConfirmPassword = string.Empty;
        Crumbs("Add user", ("Users", Urls.List("auth", "user")));
        return View(form);
    }

    [HttpGet]
    public async Task<IActionResult> Change([FromRoute] string id, string? perm_q, CancellationToken cancellationToken)
    {
        if (DenyUnlessAny(Perm("view"), Perm("change")) is { } denied)
        {
            return denied;
        }

        var user = await _users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var (groups, permissions) = await _users.GetGrantsAsync(id, cancellationToken);
        var form = new AdminUserForm
        {
            Email = user.Email,
            FirstName = user.FirstName,
            LastName = user.LastName,
            IsActive = user.IsActive,
            IsStaff = user.IsStaff,
            IsSuperuser = user.IsSuperuser,
            Groups = groups,
            Permissions = permissions,
        };
        return await Show(user, form, perm_q, cancellationToken);
    }

    [HttpPost]
    [ActionName("Change")]
    public async Task<IActionResult> ChangePost([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Deny(Perm("change")) is { } denied)
        {
            return denied;
        }

        var form = new AdminUserForm();
        await BindFormAsync(form);
        var outcome = await _users.UpdateAsync(id, form, Actor, User, ModelState, cancellationToken);
        switch (outcome)
        {
            case AdminSaveOutcome.NotFound:
                return NotFound();
            case AdminSaveOutcome.Forbidden:
                return Forbidden("Only a superuser can change superusers or grant superuser status, and you can only grant groups and permissions you hold yourself.");
            case AdminSaveOutcome.Saved:
                Flash($"The user “{ClinicUserEmail.Normalize(form.Email)}” was changed successfully.");
                return Redirect(Request.Form.ContainsKey("_continue") ? Urls.Change("auth", "user", id) : Urls.List("auth", "user"));
            default:
                var user = await _users.GetAsync(id, cancellationToken);
                return user is null ? NotFound() : await Show(user, form, null, cancellationToken);
        }
    }

    [HttpGet]
    public async Task<IActionResult> Password([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Deny(Perm("change")) is { } denied)
        {
            return denied;
        }

        var user = await _users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        return ShowPassword(user, new SetPasswordViewModel());
    }

    [HttpPost]
    [ActionName("Password")]
    public async Task<IActionResult> PasswordPost([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Deny(Perm("change")) is { } denied)
        {
            return denied;
        }

        var form = new SetPasswordViewModel();
        await BindFormAsync(form);
        var outcome = await _users.SetPasswordAsync(id, form, Actor, User, ModelState, cancellationToken);
        switch (outcome)
        {
            case AdminSaveOutcome.NotFound:
                return NotFound();
            case AdminSaveOutcome.Forbidden:
                return Forbidden("Only a superuser can set a superuser's password.");
            case AdminSaveOutcome.Saved:
                Flash("Password changed successfully.");
                return Redirect(Urls.Change("auth", "user", id));
            default:
                var user = await _users.GetAsync(id, cancellationToken);
                return user is null ? NotFound() : ShowPassword(user, new SetPasswordViewModel());
        }
    }

    [HttpGet]
    public async Task<IActionResult> Delete([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Deny(Perm("delete")) is { } denied)
        {
            return denied;
        }

        var user = await _users.FindEntityAsync(id, tracked: false, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var email = ((ClinicUser)user).Email ?? id;
        var plan = await AdminDeletion.PlanAsync(_users.Db, _users.Db.Model.FindEntityType(_users.UserType)!, [user], Site.Options.DeleteConfirmationLimit, tracked: false, cancellationToken);
        Crumbs("Are you sure?", ("Users", Urls.List("auth", "user")), (email, Urls.Change("auth", "user", id)));
        return View("~/Areas/ClinicAdmin/Views/Shared/DeleteConfirm.cshtml", new AdminDeletePage("Are you sure?", $"the user “{email}”", plan, Urls.Change("auth", "user", id), [], false));
    }

    [HttpPost]
    [ActionName("Delete")]
    public async Task<IActionResult> DeletePost([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Deny(Perm("delete")) is { } denied)
        {
            return denied;
        }

        var user = await _users.GetAsync(id, cancellationToken);
        var outcome = await _users.DeleteAsync(id, Actor, Site.Options.DeleteConfirmationLimit, cancellationToken);
        switch (outcome)
        {
            case AdminSaveOutcome.NotFound:
                return NotFound();
            case AdminSaveOutcome.Forbidden:
                return Forbidden("Only a superuser can delete a superuser.");
            case AdminSaveOutcome.Saved:
                Flash($"The user “{user?.Email}” was deleted successfully.");
                return Redirect(Urls.List("auth", "user"));
            default:
                return await Delete(id, cancellationToken);
        }
    }

    [HttpGet]
    public async Task<IActionResult> History([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (DenyUnlessAny(Perm("view"), Perm("change")) is { } denied)
        {
            return denied;
        }

        var user = await _users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        return await AdminHistoryView.ShowAsync(this, _users.Db, ContentType, id, user.Email, Urls.Change("auth", "user", id), ("Users", Urls.List("auth", "user")), cancellationToken);
    }

    private ViewResult ShowPassword(AdminUserRow user, SetPasswordViewModel form)
    {
        ViewData["User"] = user;
        Crumbs("Change password: " + user.Email, ("Users", Urls.List("auth", "user")), (user.Email, Urls.Change("auth", "user", user.Id)));
        return View("Password", form);
    }

    private async Task<IActionResult> Show(AdminUserRow user, AdminUserForm form, string? filter, CancellationToken cancellationToken)
    {
        var canSave = Actor.Has(Perm("change")) && (Actor.IsSuperuser || !user.IsSuperuser);
        var groups = await AdminPickers.GroupsAsync(_users.Db, form.Groups, Actor, cancellationToken);
        var permissions = await AdminPickers.PermissionsAsync(_users.Db, "Permissions", form.Permissions, Actor, filter, cancellationToken);
        Crumbs(canSave ? "Change user" : "View user", ("Users", Urls.List("auth", "user")), (user.Email, null));
        return View("Change", new AdminUserPage(
            user,
            form,
            canSave,
            Actor.IsSuperuser,
            groups,
            permissions with { Label = "User permissions" },
            Actor.Has(Perm("delete")) && (Actor.IsSuperuser || !user.IsSuperuser) ? Urls.Delete("auth", "user", user.Id) : null,
            Urls.History("auth", "user", user.Id),
            Urls.Password(user.Id)));
    }
}
