using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests.Admin;

/// <summary>The user screens: list, add, change, set password; never a password hash.</summary>
public sealed class AdminUsersTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private HttpClient _root = null!;
    private TestUser _rootUser = null!;

    public async Task InitializeAsync()
    {
        (_host, _, _) = await AdminTestHost.StartAsync();
        (_root, _rootUser) = await _host.SignInAsync("root@example.com", superuser: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_SearchFilterSortAndPaginate_SelectTheRightUsers()
    {
        await _host.CreateUserAsync("alice@example.com", configure: u => { u.FirstName = "Alice"; u.LastName = "Zeta"; });
        await _host.CreateUserAsync("bob@example.com", configure: u => { u.FirstName = "Bob"; u.IsStaff = true; });
        await _host.CreateUserAsync("carol@example.com", configure: u => { u.LastName = "Alison"; u.IsActive = false; });
        await _host.CreateUserAsync("dave@example.com");
        await _host.CreateUserAsync("erin@example.com");
        var group = await _host.CreateGroupAsync("Nurses");
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            Assert.True(await users.AddToGroupAsync((await users.FindByEmailAsync("dave@example.com"))!, "Nurses"));
        });

        Assert.Equal(["alice@example.com", "carol@example.com"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?q=ALI")).Html));
        Assert.Equal(["bob@example.com", "root@example.com"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?is_staff=1")).Html));
        Assert.Equal(["root@example.com"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?is_superuser=1")).Html));
        Assert.Equal(["carol@example.com"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?is_active=0")).Html));
        Assert.Equal(["dave@example.com"], AdminTestHost.RowLinks((await _root.GetHtmlAsync($"/admin/auth/user/?group={group.Id}")).Html));
        var firstPage = AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?o=-email")).Html);
        Assert.Equal(["root@example.com", "erin@example.com", "dave@example.com", "carol@example.com", "bob@example.com"], firstPage);
        Assert.Equal(["alice@example.com"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?o=-email&p=2")).Html));
        Assert.Equal("bob@example.com", AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/auth/user/?o=first_name&q=b")).Html)[0]);
    }

    [Fact]
    public async Task List_SearchTermWithMarkup_IsEncoded()
    {
        var (_, html) = await _root.GetHtmlAsync("/admin/auth/user/?q=%3Cscript%3Ealert(1)%3C/script%3E");

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_PasswordsDifferOrWeak_ShowsErrorsAndCreatesNothing()
    {
        var mismatch = await _root.PostAdminAsync("/admin/auth/user/add/", ("Email", "new@example.com"), ("Password", "correct horse 42"), ("ConfirmPassword", "correct horse 43"));
        var weak = await _root.PostAdminAsync("/admin/auth/user/add/", ("Email", "new@example.com"), ("Password", "12345678"), ("ConfirmPassword", "12345678"));

        Assert.Contains("The two password fields didn’t match.".Replace('’', '\''), WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var weakHtml = WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync());
        Assert.Contains("This password is too common.", weakHtml, StringComparison.Ordinal);
        Assert.Contains("This password is entirely numeric.", weakHtml, StringComparison.Ordinal);
        Assert.False(await _host.DbAsync(db => db.Users.AnyAsync(u => u.Email == "new@example.com")));
    }

    [Fact]
    public async Task Add_Valid_CreatesTheUserThroughIdentityAndLogsIt()
    {
        var response = await _root.PostAdminAsync("/admin/auth/user/add/", ("Email", " New@EXAMPLE.com"), ("Password", "a long enough pass"), ("ConfirmPassword", "a long enough pass"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await _host.DbAsync(db => db.Users.SingleAsync(u => u.Email == "New@example.com"));
        Assert.Equal($"/admin/auth/user/{user.Id}/change/", response.Headers.Location!.ToString());
        var verified = await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().CheckPasswordAsync(user, "a long enough pass"));
        Assert.True(verified);
        var entry = await _host.DbAsync(db => db.AdminLogEntries.SingleAsync(e => e.ObjectId == user.Id));
        Assert.Equal((AdminLogAction.Addition, _rootUser.Id, "tests.testuser"), (entry.Action, entry.UserId, entry.ContentType));
    }

    [Fact]
    public async Task Change_FlagsGroupsAndPermissions_AreSavedAndHistoryNamesTheFields()
    {
        var target = await _host.CreateUserAsync("target@example.com");
        var group = await _host.CreateGroupAsync("Doctors", "clinic.view_doctor");
        var permission = await _host.PermissionIdAsync("clinic.add_doctor");

        var response = await _root.PostAdminAsync(
            $"/admin/auth/user/{target.Id}/change/",
            ("Email", "target@example.com"), ("FirstName", "Tara"), ("LastName", "Get"), ("IsActive", "true"), ("IsStaff", "true"),
            ("Groups", group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Permissions", permission.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _host.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        Assert.Equal(("Tara", "Get", true, false), (saved.FirstName, saved.LastName, saved.IsStaff, saved.IsSuperuser));
        Assert.True(await _host.DbAsync(db => db.ClinicUserGroups.AnyAsync(g => g.UserId == target.Id && g.GroupId == group.Id)));
        Assert.True(await _host.DbAsync(db => db.ClinicUserPermissions.AnyAsync(p => p.UserId == target.Id && p.PermissionId == permission)));
        var (_, history) = await _root.GetHtmlAsync($"/admin/auth/user/{target.Id}/history/");
        Assert.Contains("Changed First name, Last name, Staff status, Groups and User permissions.", history, StringComparison.Ordinal);

        var (_, page) = await _root.GetHtmlAsync($"/admin/auth/user/{target.Id}/change/");
        Assert.Contains($"<input type=\"checkbox\" name=\"Groups\" value=\"{group.Id}\" checked /> Doctors", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Permissions\" value=\"{permission}\" checked /> clinic | Can add doctor", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_PermissionPickerFilter_NarrowsTheAvailableList()
    {
        var target = await _host.CreateUserAsync("target@example.com");

        var (_, all) = await _root.GetHtmlAsync($"/admin/auth/user/{target.Id}/change/");
        var (_, filtered) = await _root.GetHtmlAsync($"/admin/auth/user/{target.Id}/change/?perm_q=appointment");

        Assert.Contains("clinic | Can add doctor</option>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("clinic | Can add doctor</option>", filtered, StringComparison.Ordinal);
        Assert.Contains("clinic | Can add appointment</option>", filtered, StringComparison.Ordinal);
        Assert.Contains("clinic | Can view appointment</option>", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_WithoutTheOldOne_ReplacesTheHash()
    {
        var target = await _host.CreateUserAsync("target@example.com");

        var bad = await _root.PostAdminAsync($"/admin/auth/user/{target.Id}/password/", ("NewPassword", "another long one"), ("ConfirmNewPassword", "different"));
        var good = await _root.PostAdminAsync($"/admin/auth/user/{target.Id}/password/", ("NewPassword", "another long one"), ("ConfirmNewPassword", "another long one"));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var client = _host.CreateClient();
        Assert.Equal("ok", await client.LoginAsync("target@example.com", "another long one"));
        var (_, history) = await _root.GetHtmlAsync($"/admin/auth/user/{target.Id}/history/");
        Assert.Contains("Changed password.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryUserPage_NeverContainsAPasswordHashOrStamp()
    {
        var target = await _host.CreateUserAsync("target@example.com");
        var stored = await _host.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        var (viewer, _) = await _host.SignInAsync("viewer@example.com", permissions: "tests.view_testuser");

        foreach (var client in new[] { _root, viewer })
        {
            foreach (var path in new[] { "/admin/auth/user/", $"/admin/auth/user/{target.Id}/change/", $"/admin/auth/user/{target.Id}/history/", $"/admin/auth/user/{target.Id}/password/", $"/admin/auth/user/{target.Id}/delete/" })
            {
                var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
                Assert.DoesNotContain(stored.PasswordHash!, html, StringComparison.Ordinal);
                Assert.DoesNotContain(stored.SecurityStamp!, html, StringComparison.Ordinal);
                Assert.DoesNotContain("AQAAAA", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Change_ViewOnlyUser_SeesAReadOnlyPageAndCannotPost()
    {
        var target = await _host.CreateUserAsync("target@example.com");
        var (viewer, _) = await _host.SignInAsync("viewer@example.com", permissions: "tests.view_testuser");

        var (status, html) = await viewer.GetHtmlAsync($"/admin/auth/user/{target.Id}/change/");
        var post = await viewer.PostAdminAsync($"/admin/auth/user/{target.Id}/change/", ("Email", "stolen@example.com"), ("IsActive", "true"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("View user", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_save\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("target@example.com", (await _host.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id))).Email);
    }

    [Fact]
    public async Task Delete_ConfirmationListsMembershipsThenDeletes()
    {
        var target = await _host.CreateUserAsync("target@example.com");
        await _host.CreateGroupAsync("Nurses");
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            await users.AddToGroupAsync((await users.FindByIdAsync(target.Id))!, "Nurses");
        });

        var (_, confirm) = await _root.GetHtmlAsync($"/admin/auth/user/{target.Id}/delete/");
        var response = await _root.PostAdminAsync($"/admin/auth/user/{target.Id}/delete/", ("post", "yes"));

        Assert.Contains("Test user: target@example.com", WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        Assert.Contains("Clinic user groups: 1", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _host.DbAsync(db => db.Users.AnyAsync(u => u.Id == target.Id)));
        Assert.True(await _host.DbAsync(db => db.AdminLogEntries.AnyAsync(e => e.ObjectId == target.Id && e.Action == AdminLogAction.Deletion)));
    }
}
