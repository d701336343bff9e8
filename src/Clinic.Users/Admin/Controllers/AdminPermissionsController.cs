using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Controllers;

/// <summary>Permissions, read-only: searchable, filterable by app.</summary>
internal sealed class AdminPermissionsController : AdminController
{
    private readonly IAdminUsers _users;

    public AdminPermissionsController(IAdminUsers users)
    {
        _users = users;
    }

    [HttpGet]
    public async Task<IActionResult> List(string? q, string? app, CancellationToken cancellationToken)
    {
        if (Deny("auth.view_permission") is { } denied)
        {
            return denied;
        }

        var db = _users.Db;
        var all = db.Set<ClinicPermission>().AsNoTracking();
        var query = all;
        if (!string.IsNullOrEmpty(app))
        {
            query = query.Where(p => p.AppLabel == app);
        }

        foreach (var word in (q ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(10))
        {
#pragma warning disable CA1304, CA1311, CA1862 // EF Core translates ToLower/Contains to SQL.
            var lowered = word.ToLowerInvariant();
            query = query.Where(p => p.Codename.ToLower().Contains(lowered) || p.Name.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var perPage = Site.Options.ListPerPage;
        var count = await query.CountAsync(cancellationToken);
        var total = await all.CountAsync(cancellationToken);
        var pages = Math.Max(1, (count + perPage - 1) / perPage);
        var page = Math.Clamp(PageNumber, 1, pages);
        var rows = await query.OrderBy(p => p.AppLabel).ThenBy(p => p.Codename).Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        var apps = await all.Select(p => p.AppLabel).Distinct().OrderBy(a => a).Take(100).ToListAsync(cancellationToken);
        Crumbs("Permissions", ("Authentication and authorization", null));
        return View("~/Areas/ClinicAdmin/Views/Shared/List.cshtml", new AdminListPage
        {
            Title = "Select permission to view",
            PluralName = "permissions",
            Columns = [new("Permission", null, null), new("Name", null, null)],
            Rows = [.. rows.Select(p => new AdminListPage.Row(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, [p.ToString(), p.Name]))],
            Searchable = true,
            Search = q,
            KeptOnSearch = KeptOnSearch(),
            Filters =
            [
                new AdminListPage.FilterGroup("By app", [new("All", With(("app", null)), string.IsNullOrEmpty(app)), .. apps.Select(a => new AdminListPage.FilterOption(a, With(("app", a)), a == app))]),
            ],
            Page = page,
            Pages = pages,
            Count = count,
            Total = total,
            PageUrl = n => With(("p", n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        });
    }
}
