using System.Globalization;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Admin;

/// <summary>PERM-04: a staff member with "change user" cannot escalate anyone, themselves included.</summary>
[Trait("Case", "PERM-04")]
public sealed class AdminMassAssignmentTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private LogSink _logs = null!;
    private HttpClient _staff = null!;
    private TestUser _staffUser = null!;
    private TestUser _other = null!;

    public async Task InitializeAsync()
    {
        (_host, _, _logs) = await AdminTestHost.StartAsync();
        (_staff, _staffUser) = await _host.SignInAsync("staff@example.com", permissions: ["tests.change_testuser", "tests.view_testuser", "clinic.view_doctor"]);
        _other = await _host.CreateUserAsync("other@example.com");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Targets => new() { "self", "other" };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Post_SuperuserFlag_IsRefusedAndLogged(string target)
    {
        var id = target == "self" ? _staffUser.Id : _other.Id;
        var before = await Snapshot(id);

        var response = await _staff.PostAdminAsync($"/admin/auth/user/{id}/change/", Form(target, ("IsSuperuser", "true")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await Snapshot(id));
        Assert.Contains(_logs.Entries, e => e.EventId == 1102 && e.Message.Contains("superuser status", StringComparison.Ordinal) && e.Message.Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Post_AllPermissions_IsRefusedAndLogged(string target)
    {
        var id = target == "self" ? _staffUser.Id : _other.Id;
        var all = await _host.DbAsync(db => db.ClinicPermissions.Select(p => p.Id).ToListAsync());
        var before = await Snapshot(id);

        var response = await _staff.PostAdminAsync($"/admin/auth/user/{id}/change/", Form(target, [.. all.Select(p => ("Permissions", p.ToString(CultureInfo.InvariantCulture)))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await Snapshot(id));
        Assert.Contains(_logs.Entries, e => e.EventId == 1102 && e.Message.Contains("permissions they do not hold", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Post_AdminGroup_IsRefused(string target)
    {
        var id = target == "self" ? _staffUser.Id : _other.Id;
        var admins = await _host.CreateGroupAsync("Admins", "tests.delete_testuser", "auth.change_group");
        var before = await Snapshot(id);

        var response = await _staff.PostAdminAsync($"/admin/auth/user/{id}/change/", Form(target, ("Groups", admins.Id.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await Snapshot(id));
        Assert.Contains(_logs.Entries, e => e.EventId == 1102 && e.Message.Contains("a group", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Post_FieldsOutsideTheForm_AreIgnored(string target)
    {
        var id = target == "self" ? _staffUser.Id : _other.Id;
        var before = await _host.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

        var response = await _staff.PostAdminAsync($"/admin/auth/user/{id}/change/", Form(
            target,
            ("FirstName", "Renamed"),
            ("PasswordHash", "pbkdf2_sha256$1$x$y"),
            ("SecurityStamp", "stamp"),
            ("Id", "someone-else"),
            ("LockoutEnabled", "false"),
            ("AccessFailedCount", "0"),
            ("Badge", "forged")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _host.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal("Renamed", after.FirstName);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.NotEqual("stamp", after.SecurityStamp);
        Assert.Equal(before.LockoutEnabled, after.LockoutEnabled);
        Assert.Null(after.Badge);
        Assert.False(after.IsSuperuser);
    }

    [Fact]
    public async Task Post_PermissionTheStaffMemberHolds_IsGranted()
    {
        var held = await _host.PermissionIdAsync("clinic.view_doctor");

        var response = await _staff.PostAdminAsync($"/admin/auth/user/{_other.Id}/change/", Form("other", ("Permissions", held.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _host.DbAsync(db => db.ClinicUserPermissions.AnyAsync(p => p.UserId == _other.Id && p.PermissionId == held)));
    }

    [Fact]
    public async Task Get_ChangePage_OffersOnlyGrantablePermissionsAndNoSuperuserBox()
    {
        var notHeld = await _host.PermissionIdAsync("clinic.delete_doctor");
        var held = await _host.PermissionIdAsync("clinic.view_doctor");

        var (_, html) = await _staff.GetHtmlAsync($"/admin/auth/user/{_other.Id}/change/");

        Assert.DoesNotContain("name=\"IsSuperuser\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{held}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{notHeld}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangeOrPasswordOfASuperuser_IsRefused()
    {
        var root = await _host.CreateUserAsync("root@example.com", configure: u => u.IsSuperuser = true);
        var before = await Snapshot(root.Id);
        var hash = await _host.DbAsync(db => db.Users.Where(u => u.Id == root.Id).Select(u => u.PasswordHash).SingleAsync());

        var change = await _staff.PostAdminAsync($"/admin/auth/user/{root.Id}/change/", ("Email", "mine@example.com"), ("IsActive", "true"), ("IsSuperuser", "true"));
        var password = await _staff.PostAdminAsync($"/admin/auth/user/{root.Id}/password/", ("NewPassword", "taken over now"), ("ConfirmNewPassword", "taken over now"));

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);
        Assert.Equal(before, await Snapshot(root.Id));
        Assert.Equal(hash, await _host.DbAsync(db => db.Users.Where(u => u.Id == root.Id).Select(u => u.PasswordHash).SingleAsync()));
    }

    private static (string, string)[] Form(string target, params (string, string)[] extra)
    {
        var fields = new List<(string, string)> { ("Email", target == "self" ? "staff@example.com" : "other@example.com"), ("IsActive", "true") };
        if (target == "self")
        {
            fields.Add(("IsStaff", "true"));
        }

        fields.AddRange(extra);
        return [.. fields];
    }

    private async Task<string> Snapshot(string id) => await _host.DbAsync(async db =>
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        var groups = await db.ClinicUserGroups.Where(g => g.UserId == id).Select(g => g.GroupId).OrderBy(g => g).ToListAsync();
        var permissions = await db.ClinicUserPermissions.Where(p => p.UserId == id).Select(p => p.PermissionId).OrderBy(p => p).ToListAsync();
        return $"{user.Email}|{user.FirstName}|{user.IsStaff}|{user.IsSuperuser}|{user.PasswordHash}|{string.Join(',', groups)}|{string.Join(',', permissions)}";
    });
}
