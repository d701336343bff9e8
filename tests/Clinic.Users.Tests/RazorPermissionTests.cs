using System.Security.Claims;
using Clinic.Users.TagHelpers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clinic.Users.Tests;

/// <summary>The tag helper and the Perms object, on a fixed permission set.</summary>
public sealed class RazorPermissionTests
{
    private static readonly UserPermissions Doctor = new(
        "doc",
        isActive: true,
        isSuperuser: false,
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["erp.view_patient"], StringComparer.Ordinal),
        System.Collections.Frozen.FrozenSet<string>.Empty,
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["erp.view_patient"], StringComparer.Ordinal));

    [Theory]
    [InlineData("erp.view_patient", null, true)]
    [InlineData("erp.change_patient", null, false)]
    [InlineData("not a permission", null, false)]
    [InlineData(null, "erp", true)]
    [InlineData(null, "auth", false)]
    public async Task ProcessAsync_Permission_RendersOnlyWhenHeld(string? permission, string? module, bool rendered)
    {
        var helper = new PermissionTagHelper(new FixedPermissions(Doctor))
        {
            Permission = permission,
            ModulePermission = module,
            ViewContext = new ViewContext { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal() } },
        };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("div", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        output.Content.SetContent("secret");

        await helper.ProcessAsync(context, output);

        Assert.Equal(rendered, output.TagName is not null);
        Assert.Equal(rendered ? "secret" : string.Empty, output.Content.GetContent());
    }

    [Fact]
    public void Perms_DjangoStyleAccess_ReadsPermissions()
    {
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var perms = new Perms(new FixedPermissions(Doctor), accessor);
        dynamic django = perms;

        Assert.True((bool)django.erp.view_patient);
        Assert.False((bool)django.erp.delete_patient);
        Assert.True((bool)django.erp);
        Assert.False((bool)django.auth);
        Assert.True(perms["erp.view_patient"]);
        Assert.True(perms["erp"]);
        Assert.False(perms["auth"]);
        Assert.False(perms["erp.change_patient"]);
    }

    private sealed class FixedPermissions(UserPermissions permissions) : IPermissionService
    {
        public ValueTask<UserPermissions> GetPermissionsAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default) => new(permissions);

        public UserPermissions GetPermissions(ClaimsPrincipal? user) => permissions;

        public ValueTask<bool> HasPermAsync(ClaimsPrincipal? user, string? permission, CancellationToken cancellationToken = default) => new(permissions.HasPerm(permission));
    }
}
