using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Users.Admin.Controllers;

/// <summary>The admin's index: the models the user may see and their recent actions.</summary>
internal sealed class AdminDashboardController : AdminController
{
    private readonly IAdminUsers _users;

    public AdminDashboardController(IAdminUsers users)
    {
        _users = users;
    }

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var apps = new List<AdminDashboardPage.App>();
        var auth = new List<AdminDashboardPage.Model>();
        Add(auth, "Groups", "auth.view_group", "auth.change_group", "auth.add_group", Urls.List("auth", "group"), Urls.Add("auth", "group"));
        Add(auth, "Permissions", "auth.view_permission", null, null, Urls.List("auth", "permission"), null);
        Add(auth, "Users", Site.UserPerm("view"), Site.UserPerm("change"), Site.UserPerm("add"), Urls.List("auth", "user"), Urls.Add("auth", "user"));
        if (auth.Count > 0)
        {
            apps.Add(new AdminDashboardPage.App("Authentication and authorization", auth));
        }

        foreach (var app in Site.Models.GroupBy(m => m.AppLabel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var models = new List<AdminDashboardPage.Model>();
            foreach (var model in app.OrderBy(m => m.VerboseNamePlural, StringComparer.Ordinal))
            {
                Add(models, AdminNames.CapFirst(model.VerboseNamePlural), model.Perm("view"), model.Perm("change"), model.Perm("add"), Urls.List(model.AppLabel, model.ModelName), Urls.Add(model.AppLabel, model.ModelName));
            }

            if (models.Count > 0)
            {
                apps.Add(new AdminDashboardPage.App(AdminNames.CapFirst(app.Key), models));
            }
        }

        var recent = await AdminHistory.RecentAsync(_users.Db, Actor.UserId, Site.Options.RecentActions, cancellationToken);
        var entries = recent.Select(e => new AdminDashboardPage.Recent(e.ObjectRepr, e.Action == AdminLogAction.Deletion ? null : ChangeUrl(e), e.Action, e.ContentType)).ToList();
        Crumbs("Site administration");
        return View(new AdminDashboardPage(apps, entries));
    }

    private void Add(List<AdminDashboardPage.Model> into, string name, string view, string? change, string? add, string listUrl, string? addUrl)
    {
        var canList = Actor.Has(view) || (change is not null && Actor.Has(change));
        var canAdd = add is not null && Actor.Has(add);
        if (canList || canAdd)
        {
            into.Add(new AdminDashboardPage.Model(name, canList ? listUrl : null, canAdd ? addUrl : null));
        }
    }

    private string? ChangeUrl(AdminLogEntry entry)
    {
        var user = Site.UserModel;
        if (entry.ContentType == user.AppLabel + "." + user.ModelName)
        {
            return Urls.Change("auth", "user", entry.ObjectId);
        }

        var dot = entry.ContentType.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : Urls.Change(entry.ContentType[..dot], entry.ContentType[(dot + 1)..], entry.ObjectId);
    }
}
