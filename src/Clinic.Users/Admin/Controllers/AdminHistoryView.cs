using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Controllers;

/// <summary>The shared "History" page of any object.</summary>
internal static class AdminHistoryView
{
    public static async Task<IActionResult> ShowAsync(AdminController controller, DbContext db, string contentType, string objectId, string repr, string changeUrl, (string, string?) listCrumb, CancellationToken cancellationToken)
    {
        var entries = await AdminHistory.ForObjectAsync(db, contentType, objectId, cancellationToken);
        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        controller.ViewData["Title"] = "Change history: " + repr;
        controller.ViewData["Crumbs"] = new (string, string?)[] { listCrumb, (repr, changeUrl) };
        var names = await LookupEmailsAsync(controller, userIds, cancellationToken);
        return controller.View("~/Areas/ClinicAdmin/Views/Shared/History.cshtml", new AdminHistoryPage(
            "Change history: " + repr,
            repr,
            changeUrl,
            [.. entries.Select(e => new AdminHistoryPage.Entry(e.ActionTime, names.GetValueOrDefault(e.UserId, e.UserId), AdminChangeMessage.Describe(e.ChangeMessage, e.Action)))]));
    }

    private static async Task<Dictionary<string, string>> LookupEmailsAsync(AdminController controller, List<string> userIds, CancellationToken cancellationToken)
    {
        var users = (IAdminUsers)controller.HttpContext.RequestServices.GetService(typeof(IAdminUsers))!;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in userIds.Take(50))
        {
            if (await users.GetAsync(id, cancellationToken) is { } user)
            {
                found[id] = user.Email;
            }
        }

        return found;
    }
}
