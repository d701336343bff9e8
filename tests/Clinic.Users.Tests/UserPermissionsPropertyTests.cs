using System.Collections.Frozen;

namespace Clinic.Users.Tests;

/// <summary>PERM-02: HasPerm against a reference model of Django's rules, on random users and permission strings.</summary>
public sealed class UserPermissionsPropertyTests
{
    private static readonly string[] Labels = ["erp", "auth", "Erp", "ERP", "é", "app_1"];
    private static readonly string[] Codenames = ["view_patient", "change_patient", "View_patient", "ü", "x"];
    private static readonly string?[] Odd = [null, "", ".", "erp.", ".view_patient", "a.b.c", "erp..view", "erp view_patient", "erp.view_patient ", " erp.view_patient", "erp\u0000.x", "\u212Aelvin.x", "erp.view_patient.extra"];

    [Fact]
    [Trait("Case", "PERM-02")]
    public void HasPerm_RandomUsersAndStrings_FollowsDjangoRules()
    {
        var random = new Random(20_260_224);
        for (var run = 0; run < 2_000; run++)
        {
            var active = random.Next(4) != 0;
            var superuser = random.Next(4) == 0;
            var user = RandomSet(random);
            var group = RandomSet(random);
            var all = user.Concat(group).ToFrozenSet(StringComparer.Ordinal);
            var permissions = new UserPermissions("u" + run, active, superuser, user, group, all);

            for (var probe = 0; probe < 20; probe++)
            {
                var permission = RandomPermission(random);
                var expected = active && (superuser ? IsWellFormed(permission) : permission is not null && (user.Contains(permission) || group.Contains(permission)));

                Assert.True(expected == permissions.HasPerm(permission), $"run {run}: active={active} superuser={superuser} perm='{permission}'");
            }

            var list = Enumerable.Range(0, random.Next(4)).Select(_ => RandomPermission(random)).ToArray();
            Assert.Equal(list.All(permissions.HasPerm), permissions.HasPerms(list));

            var label = Labels[random.Next(Labels.Length)];
            var module = active && (superuser || all.Any(p => p.StartsWith(label + ".", StringComparison.Ordinal)));
            Assert.Equal(module, permissions.HasModulePerms(label));
        }
    }

    [Fact]
    [Trait("Case", "PERM-02")]
    public void HasPerm_MalformedStringsForSuperuser_AreFalseWithoutException()
    {
        var every = FrozenSet<string>.Empty;
        var superuser = new UserPermissions("root", true, true, every, every, every);

        foreach (var odd in Odd.Where(o => o is null || o.Count(c => c == '.') != 1 || o.StartsWith('.') || o.EndsWith('.')))
        {
            Assert.False(superuser.HasPerm(odd));
        }

        Assert.False(superuser.HasModulePerms(null));
        Assert.False(superuser.HasModulePerms(string.Empty));
    }

    [Fact]
    public void HasPerms_EmptyList_IsTrueAsInDjango()
    {
        Assert.True(UserPermissions.Anonymous.HasPerms([]));
        Assert.False(UserPermissions.Anonymous.HasPerms(["erp.view_patient"]));
    }

    private static FrozenSet<string> RandomSet(Random random) =>
        Enumerable.Range(0, random.Next(5))
            .Select(_ => Labels[random.Next(Labels.Length)] + "." + Codenames[random.Next(Codenames.Length)])
            .ToFrozenSet(StringComparer.Ordinal);

    private static string? RandomPermission(Random random) =>
        random.Next(3) == 0 ? Odd[random.Next(Odd.Length)] : Labels[random.Next(Labels.Length)] + "." + Codenames[random.Next(Codenames.Length)];

    private static bool IsWellFormed(string? permission) =>
        permission is not null && permission.Count(c => c == '.') == 1 && !permission.StartsWith('.') && !permission.EndsWith('.');
}
