using Clinic.Users.Internal;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clinic.Users.Tests;

/// <summary>Model permissions, users, groups and HasPerm against a real database; one subclass per database.</summary>
public abstract class PermissionStoreTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;

    protected abstract string Kind { get; }

    protected UsersTestHost Host => _host;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(TestDatabase.Create(Kind), o => o.DefaultGroups.Add("Patients"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Startup_ModelEntities_CreatesDjangoDefaultAndCustomPermissions()
    {
        var all = await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicPermissions.AsNoTracking().ToListAsync());
        var byKey = all.ToDictionary(p => p.ToString(), p => p.Name);

        Assert.Equal("Can add patient", byKey["erp.add_patient"]);
        Assert.Equal("Can change patient", byKey["erp.change_patient"]);
        Assert.Equal("Can delete patient", byKey["erp.delete_patient"]);
        Assert.Equal("Can view patient", byKey["erp.view_patient"]);
        Assert.Equal("Can discharge patient", byKey["erp.discharge_patient"]);
        Assert.Equal("Can view doctor visit", byKey["tests.view_doctorvisit"]);
        Assert.Equal("Can add test user", byKey["tests.add_testuser"]);
        Assert.Equal("Can change group", byKey["auth.change_group"]);
        Assert.Equal("Can view permission", byKey["auth.view_permission"]);
        Assert.Equal("Can export audit records", byKey["tests.export_audit"]);
        Assert.DoesNotContain("tests.add_auditentry", byKey.Keys);
        Assert.DoesNotContain(byKey.Keys, k => k.Contains("usergroup", StringComparison.Ordinal) || k.Contains("claim", StringComparison.Ordinal) || k.Contains("identity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synchronize_SecondRun_CreatesNothing()
    {
        var synchronizer = _host.Services.GetServices<IHostedService>().OfType<PermissionSynchronizer<TestDbContext>>().Single();
        var before = await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicPermissions.CountAsync());

        var created = await synchronizer.SynchronizeAsync(CancellationToken.None);

        Assert.Equal(0, created);
        Assert.Equal(before, await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicPermissions.CountAsync()));
    }

    [Fact]
    public async Task Synchronize_DeletedPermission_IsRecreated()
    {
        await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicPermissions.Where(p => p.Codename == "view_patient").ExecuteDeleteAsync());
        var synchronizer = _host.Services.GetServices<IHostedService>().OfType<PermissionSynchronizer<TestDbContext>>().Single();

        Assert.Equal(1, await synchronizer.SynchronizeAsync(CancellationToken.None));
        Assert.True(await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicPermissions.AnyAsync(p => p.AppLabel == "erp" && p.Codename == "view_patient")));
    }

    [Fact]
    public async Task CreateAsync_MixedCaseDomain_LowerCasesDomainOnlyAndSetsDateJoined()
    {
        var user = await _host.CreateUserAsync("  Alice.Smith@Example.COM ");

        Assert.Equal("Alice.Smith@example.com", user.Email);
        Assert.Equal("Alice.Smith@example.com", user.UserName);
        Assert.NotEqual(default, user.DateJoined);
        Assert.True(user.IsActive);
        Assert.False(user.IsStaff);
        Assert.False(user.IsSuperuser);
    }

    [Fact]
    public async Task CreateAsync_SameAddressOtherDomainCase_IsRejectedAsDuplicate()
    {
        await _host.CreateUserAsync("bob@example.com");

        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().CreateAsync(new TestUser { Email = "bob@EXAMPLE.com" }, "correct horse 42"));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task CreateAsync_DefaultGroupConfigured_PutsUserInGroup()
    {
        await _host.CreateGroupAsync("Patients", "erp.view_patient");
        var user = await _host.CreateUserAsync("carol@example.com");

        var permissions = await PermissionsOf(user);

        Assert.True(permissions.HasPerm("erp.view_patient"));
        Assert.Contains("erp.view_patient", permissions.GroupPermissionSet);
        Assert.Empty(permissions.UserPermissionSet);
    }

    [Fact]
    [Trait("Case", "PERM-02")]
    public async Task HasPerm_UserAndGroupPermissions_AreUnited()
    {
        await _host.CreateGroupAsync("Doctors", "erp.change_patient", "erp.view_patient");
        var user = await _host.CreateUserAsync("dora@example.com");
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            Assert.True(await users.AddToGroupAsync(user, "Doctors"));
            Assert.True(await users.AddPermissionAsync(user, "erp.discharge_patient"));
            Assert.False(await users.AddPermissionAsync(user, "erp.no_such_permission"));
        });

        var permissions = await PermissionsOf(user);

        Assert.True(permissions.HasPerm("erp.change_patient"));
        Assert.True(permissions.HasPerm("erp.discharge_patient"));
        Assert.False(permissions.HasPerm("erp.delete_patient"));
        Assert.False(permissions.HasPerm("ERP.change_patient"));
        Assert.True(permissions.HasPerms(["erp.change_patient", "erp.discharge_patient"]));
        Assert.False(permissions.HasPerms(["erp.change_patient", "erp.delete_patient"]));
        Assert.True(permissions.HasModulePerms("erp"));
        Assert.False(permissions.HasModulePerms("auth"));
        Assert.Equal(["erp.discharge_patient"], permissions.UserPermissionSet);
        Assert.Equal(3, permissions.AllPermissionSet.Count);
    }

    [Fact]
    [Trait("Case", "AUTH-04")]
    public async Task HasPerm_InactiveSuperuser_HasNone()
    {
        var user = await _host.CreateUserAsync("ian@example.com", configure: u =>
        {
            u.IsSuperuser = true;
            u.IsActive = false;
        });

        var permissions = await PermissionsOf(user);

        Assert.False(permissions.HasPerm("erp.view_patient"));
        Assert.False(permissions.HasModulePerms("erp"));
        Assert.Empty(permissions.AllPermissionSet);
    }

    [Fact]
    public async Task HasPerm_ActiveSuperuser_HasEveryPermissionButNotMalformedOnes()
    {
        TestUser user = null!;
        await _host.InScopeAsync(async sp => Assert.True((await sp.GetRequiredService<ClinicUserManager<TestUser>>()
            .CreateSuperuserAsync("sue@example.com", "correct horse 42", u => user = u)).Succeeded));
        var count = await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicPermissions.CountAsync());

        var permissions = await PermissionsOf(user);

        Assert.True(permissions.HasPerm("erp.view_patient"));
        Assert.True(permissions.HasPerm("anything.at_all"));
        Assert.True(permissions.HasModulePerms("whatever"));
        Assert.False(permissions.HasPerm("malformed"));
        Assert.Equal(count, permissions.AllPermissionSet.Count);
    }

    [Fact]
    [Trait("Case", "PERM-01")]
    public async Task GetPermissionsAsync_ManyChecksInOneRequest_RunsOneQuery()
    {
        await _host.CreateGroupAsync("Nurses", "erp.view_patient");
        var user = await _host.CreateUserAsync("nina@example.com");
        await _host.InScopeAsync(sp => sp.GetRequiredService<ClinicUserManager<TestUser>>().AddToGroupAsync(user, "Nurses"));
        var principal = Principal(user.Id);

        var queries = await _host.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<IPermissionService>();
            _host.Queries.Reset();
            for (var i = 0; i < 10; i++)
            {
                Assert.True(await service.HasPermAsync(principal, "erp.view_patient"));
                Assert.False(await service.HasPermAsync(Principal(user.Id), "erp.delete_patient"));
            }

            return _host.Queries.Count;
        });

        Assert.Equal(1, queries);
    }

    [Fact]
    [Trait("Case", "PERM-01")]
    public async Task GetPermissionsAsync_GroupMembershipRemoved_IsSeenOnNextRequest()
    {
        await _host.CreateGroupAsync("Surgeons", "erp.change_patient");
        var user = await _host.CreateUserAsync("sam@example.com");
        await _host.InScopeAsync(async sp => await sp.GetRequiredService<ClinicUserManager<TestUser>>().AddToGroupAsync(user, "Surgeons"));
        Assert.True((await PermissionsOf(user)).HasPerm("erp.change_patient"));

        await _host.InScopeAsync(async sp => Assert.True(await sp.GetRequiredService<ClinicUserManager<TestUser>>().RemoveFromGroupAsync(user, "Surgeons")));

        Assert.False((await PermissionsOf(user)).HasPerm("erp.change_patient"));
    }

    [Fact]
    [Trait("Case", "PERM-01")]
    public async Task GetPermissionsAsync_GroupDeleted_IsSeenOnNextRequest()
    {
        var group = await _host.CreateGroupAsync("Locums", "erp.view_patient");
        var user = await _host.CreateUserAsync("lou@example.com");
        await _host.InScopeAsync(async sp => await sp.GetRequiredService<ClinicUserManager<TestUser>>().AddToGroupAsync(user, "Locums"));
        Assert.True((await PermissionsOf(user)).HasPerm("erp.view_patient"));

        await _host.InScopeAsync(sp => sp.GetRequiredService<TestDbContext>().ClinicGroups.Where(g => g.Id == group.Id).ExecuteDeleteAsync());

        Assert.False((await PermissionsOf(user)).HasPerm("erp.view_patient"));
    }

    [Fact]
    [Trait("Case", "PERM-01")]
    public async Task GetPermissionsAsync_DirectPermissionRemoved_IsSeenOnNextRequest()
    {
        var user = await _host.CreateUserAsync("dan@example.com");
        await _host.InScopeAsync(async sp => await sp.GetRequiredService<ClinicUserManager<TestUser>>().AddPermissionAsync(user, "erp.view_patient"));
        Assert.True((await PermissionsOf(user)).HasPerm("erp.view_patient"));

        await _host.InScopeAsync(async sp => Assert.True(await sp.GetRequiredService<ClinicUserManager<TestUser>>().RemovePermissionAsync(user, "erp.view_patient")));

        Assert.False((await PermissionsOf(user)).HasPerm("erp.view_patient"));
    }

    [Fact]
    public async Task GetPermissions_Synchronous_MatchesAsynchronous()
    {
        var user = await _host.CreateUserAsync("syd@example.com");
        await _host.InScopeAsync(async sp => await sp.GetRequiredService<ClinicUserManager<TestUser>>().AddPermissionAsync(user, "erp.view_patient"));

        var permissions = await _host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IPermissionService>().GetPermissions(Principal(user.Id))));

        Assert.True(permissions.HasPerm("erp.view_patient"));
        Assert.False(permissions.HasPerm("erp.add_patient"));
    }

    [Fact]
    public async Task GetPermissionsAsync_AnonymousOrUnknownUser_HasNone()
    {
        var unknown = await _host.InScopeAsync(sp => sp.GetRequiredService<IPermissionService>().GetPermissionsAsync(Principal("no-such-user")).AsTask());
        var anonymous = await _host.InScopeAsync(sp => sp.GetRequiredService<IPermissionService>().GetPermissionsAsync(new System.Security.Claims.ClaimsPrincipal()).AsTask());

        Assert.False(unknown.HasPerm("erp.view_patient"));
        Assert.False(anonymous.HasPerm("erp.view_patient"));
        Assert.Null(anonymous.UserId);
    }

    protected Task<UserPermissions> PermissionsOf(TestUser user) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<IPermissionService>().GetPermissionsAsync(Principal(user.Id)).AsTask());

    protected static System.Security.Claims.ClaimsPrincipal Principal(string userId) =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId)], "Test"));
}
