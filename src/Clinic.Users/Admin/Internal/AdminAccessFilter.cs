using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// Runs before anything else of an admin request (antiforgery included): no caching, no framing, anonymous users
/// challenged, and only active staff members let in (everyone else gets 403). Each action then checks its own model
/// permission on the server.
/// </summary>
internal sealed class AdminAccessFilter : IAsyncAuthorizationFilter
{
    public const string PrefixDataToken = "clinic-admin-prefix";

    private readonly IAdminUsers _users;
    private readonly IPermissionService _permissions;
    private readonly AdminRequest _request;
    private readonly IModelMetadataProvider _metadata;
    private readonly ILogger<AdminAccessFilter> _logger;

    public AdminAccessFilter(IAdminUsers users, IPermissionService permissions, AdminRequest request, IModelMetadataProvider metadata, ILogger<AdminAccessFilter> logger)
    {
        _users = users;
        _permissions = permissions;
        _request = request;
        _metadata = metadata;
        _logger = logger;
    }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        _request.SetPrefix(http.Request.PathBase + (context.RouteData.DataTokens[PrefixDataToken] as string ?? "/admin"));
        if (http.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }

        var staff = await _users.GetStaffAsync(http.User, http.RequestAborted);
        if (staff is not { IsActive: true, IsStaff: true })
        {
            _logger.AdminEntryRefused(staff?.Id ?? "(unknown)");
            context.Result = Forbidden(context, "Your account may not use the administration site.");
            return;
        }

        var permissions = await _permissions.GetPermissionsAsync(http.User, http.RequestAborted);
        _request.Set(staff.Id, staff.Email, permissions);
    }

    public static ViewResult Forbidden(ActionContext context, string message, IModelMetadataProvider? metadata = null) =>
        new()
        {
            ViewName = "Forbidden",
            StatusCode = 403,
            ViewData = new ViewDataDictionary(metadata ?? new EmptyModelMetadataProvider(), context.ModelState) { Model = message },
        };

    private ViewResult Forbidden(AuthorizationFilterContext context, string message) => Forbidden(context, message, _metadata);
}
