using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clinic.Users.TagHelpers;

/// <summary>
/// Renders an element only when the signed-in user holds a permission: <c>&lt;a asp-perm="erp.change_patient" …&gt;</c>,
/// or, for a whole app (Django's <c>{% if perms.erp %}</c>), <c>&lt;div asp-module-perm="erp"&gt;</c>.
/// Add <c>@addTagHelper *, Clinic.Users</c> to <c>_ViewImports.cshtml</c>.
/// </summary>
[HtmlTargetElement(Attributes = PermissionAttributeName)]
[HtmlTargetElement(Attributes = ModulePermissionAttributeName)]
public sealed class PermissionTagHelper : TagHelper
{
    private const string PermissionAttributeName = "asp-perm";
    private const string ModulePermissionAttributeName = "asp-module-perm";
    private readonly IPermissionService _permissions;

    /// <summary>Created by the Razor runtime.</summary>
    /// <param name="permissions">The request's permission service.</param>
    public PermissionTagHelper(IPermissionService permissions)
    {
        _permissions = permissions;
    }

    /// <summary>The permission required, <c>"app_label.codename"</c>.</summary>
    [HtmlAttributeName(PermissionAttributeName)]
    public string? Permission { get; set; }

    /// <summary>The app label of which the user must hold some permission.</summary>
    [HtmlAttributeName(ModulePermissionAttributeName)]
    public string? ModulePermission { get; set; }

    /// <summary>The view context (set by Razor).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc/>
    public override int Order => -1000;

    /// <inheritdoc/>
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var permissions = await _permissions.GetPermissionsAsync(ViewContext.HttpContext.User, ViewContext.HttpContext.RequestAborted);
        var allowed = (Permission is null || permissions.HasPerm(Permission))
            && (ModulePermission is null || permissions.HasModulePerms(ModulePermission));
        if (!allowed)
        {
            output.SuppressOutput();
        }
    }
}
