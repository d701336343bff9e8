using System.Globalization;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Admin;

/// <summary>Groups with the permission picker, and the read-only permission list.</summary>
public sealed class AdminGroupsTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private HttpClient _root = null!;

    public async Task InitializeAsync()
    {
        (_host, _, _) = await AdminTestHost.StartAsync();
        (_root, _) = await _host.SignInAsync("root@example.com", superuser: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AddChangeAndDelete_AGroupWithPermissions()
    {
        var view = await _host.PermissionIdAsync("clinic.view_doctor");
        var add = await _host.PermissionIdAsync("clinic.add_doctor");

        var created = await _root.PostAdminAsync("/admin/auth/group/add/", ("Name", "Doctors"), ("Permissions", Text(view)), ("Permissions", Text(add)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var group = await _host.DbAsync(db => db.ClinicGroups.Include(g => g.Permissions).SingleAsync());
        Assert.Equal([add, view], group.Permissions.Select(p => p.PermissionId).Order());

        var duplicate = await _root.PostAdminAsync("/admin/auth/group/add/", ("Name", "Doctors"));
        Assert.Contains("Group with this Name already exists.", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await _root.PostAdminAsync($"/admin/auth/group/{group.Id}/change/", ("Name", "Physicians"), ("Permissions", Text(view)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var saved = await _host.DbAsync(db => db.ClinicGroups.Include(g => g.Permissions).SingleAsync());
        Assert.Equal("Physicians", saved.Name);
        Assert.Equal([view], saved.Permissions.Select(p => p.PermissionId));
        var (_, history) = await _root.GetHtmlAsync($"/admin/auth/group/{group.Id}/history/");
        Assert.Contains("Added.", history, StringComparison.Ordinal);
        Assert.Contains("Changed Name and Permissions.", history, StringComparison.Ordinal);

        var member = await _host.CreateUserAsync("member@example.com");
        await _host.DbAsync(async db =>
        {
            db.ClinicUserGroups.Add(new ClinicUserGroup { UserId = member.Id, GroupId = group.Id });
            return await db.SaveChangesAsync();
        });
        var (_, confirm) = await _root.GetHtmlAsync($"/admin/auth/group/{group.Id}/delete/");
        Assert.Contains("Group: Physicians", confirm, StringComparison.Ordinal);
        Assert.Contains("Clinic user groups: 1", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _root.PostAdminAsync($"/admin/auth/group/{group.Id}/delete/", ("post", "yes"))).StatusCode);
        Assert.False(await _host.DbAsync(db => db.ClinicGroups.AnyAsync()));
        Assert.False(await _host.DbAsync(db => db.ClinicUserGroups.AnyAsync()));
    }

    [Fact]
    [Trait("Case", "PERM-04")]
    public async Task Change_StaffGivesAGroupAPermissionTheyLack_IsRefused()
    {
        var (staff, _) = await _host.SignInAsync("staff@example.com", permissions: ["auth.change_group", "auth.view_group", "clinic.view_doctor"]);
        var group = await _host.CreateGroupAsync("Nurses");
        var lacking = await _host.PermissionIdAsync("clinic.delete_doctor");
        var held = await _host.PermissionIdAsync("clinic.view_doctor");

        var refused = await staff.PostAdminAsync($"/admin/auth/group/{group.Id}/change/", ("Name", "Nurses"), ("Permissions", Text(lacking)));
        var granted = await staff.PostAdminAsync($"/admin/auth/group/{group.Id}/change/", ("Name", "Nurses"), ("Permissions", Text(held)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal([held], await _host.DbAsync(db => db.ClinicGroupPermissions.Where(p => p.GroupId == group.Id).Select(p => p.PermissionId).ToListAsync()));
    }

    [Fact]
    public async Task Permissions_AreListedReadOnlyAndFilterableByApp()
    {
        var (_, all) = await _root.GetHtmlAsync("/admin/auth/permission/?app=clinic");
        var (_, search) = await _root.GetHtmlAsync("/admin/auth/permission/?app=clinic&q=appointment");

        Assert.Contains("clinic.add_doctor", all, StringComparison.Ordinal);
        Assert.DoesNotContain("auth.add_group", all, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_selected_action\"", all, StringComparison.Ordinal);
        Assert.Contains("clinic.view_appointment", search, StringComparison.Ordinal);
        Assert.DoesNotContain("clinic.view_doctor", search, StringComparison.Ordinal);
        Assert.Contains("admin.view_adminlogentry", (await _root.GetHtmlAsync("/admin/auth/permission/?app=admin")).Html, StringComparison.Ordinal);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
