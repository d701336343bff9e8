using System.Globalization;
using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Admin.Controllers;

/// <summary>
/// The base of the admin's controllers: the access filter (active staff only, no caching) runs before antiforgery
/// validation of every non-GET request; each action checks its model permission with <see cref="Deny"/>.
/// </summary>
[Area(AdminAreas.Name)]
[ServiceFilter(typeof(AdminAccessFilter))]
[AutoValidateAntiforgeryToken]
internal abstract class AdminController : Controller
{
    public const string MessageKey = "clinic-admin-message";

    private AdminRequest? _actor;

    protected AdminRequest Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<AdminRequest>();

    protected AdminSite Site => HttpContext.RequestServices.GetRequiredService<AdminSite>();

    protected AdminUrls Urls => new(Actor.Prefix);

    protected int PageNumber => int.TryParse(Request.Query["p"], out var page) && page > 0 ? page : 1;

    /// <summary>A 403 page (logged) when the user lacks <paramref name="permission"/>; <see langword="null"/> when they hold it.</summary>
    protected IActionResult? Deny(string permission)
    {
        if (Actor.Has(permission))
        {
            return null;
        }

        HttpContext.RequestServices.GetRequiredService<ILogger<AdminController>>().AdminPermissionRefused(Actor.UserId, permission);
        return Forbidden($"You do not have the permission “{permission}” needed here.");
    }

    /// <summary>A 403 page unless the user holds one of <paramref name="permissions"/> (view or change opens a change page).</summary>
    protected IActionResult? DenyUnlessAny(params string[] permissions) =>
        permissions.Any(Actor.Has) ? null : Deny(permissions[0]);

    protected ViewResult Forbidden(string message) => AdminAccessFilter.Forbidden(ControllerContext, message, MetadataProvider);

    /// <summary>Binds and validates <paramref name="model"/> from the posted form only (never the route or query string).</summary>
    protected async Task BindFormAsync<TModel>(TModel model)
        where TModel : class
    {
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        await TryUpdateModelAsync(model, string.Empty, new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }

    protected void Flash(string message) => TempData[MessageKey] = message;

    protected void Crumbs(string title, params (string Text, string? Url)[] trail)
    {
        ViewData["Title"] = title;
        ViewData["Crumbs"] = trail;
    }

    /// <summary>The current list URL with some query values replaced (<see langword="null"/> removes one); the page is reset unless given.</summary>
    protected string With(params (string Key, string? Value)[] changes)
    {
        var values = Request.Query.Where(q => q.Key != "p").ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        return Request.PathBase + Request.Path + QueryString.Create(values.OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    protected IReadOnlyList<KeyValuePair<string, string>> KeptOnSearch() =>
        [.. Request.Query.Where(q => q.Key is not ("q" or "p")).Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))];

    protected AdminListPage.Column SortableColumn(string label, string key)
    {
        var current = Request.Query["o"].ToString();
        bool? descending = current == key ? false : current == "-" + key ? true : null;
        return new AdminListPage.Column(label, With(("o", descending == false ? "-" + key : key)), descending);
    }

    protected static AdminListPage.FilterGroup YesNoFilter(string title, string key, string? current, Func<(string, string?)[], string> with) =>
        new(title,
        [
            new("All", with([(key, null)]), string.IsNullOrEmpty(current)),
            new("Yes", with([(key, "1")]), current == "1"),
            new("No", with([(key, "0")]), current == "0"),
        ]);

    protected static bool? YesNo(string? raw) => raw switch
    {
        "1" => true,
        "0" => false,
        _ => null,
    };
}
