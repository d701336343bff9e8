using System.Globalization;
using Clinic.Users.Admin.Internal;
using Clinic.Users.Admin.Internal.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Admin.Controllers;

/// <summary>The application's registered entities: list with actions, add, change, delete and history.</summary>
internal sealed class AdminModelsController : AdminController
{
    private const string DeleteSelected = "delete_selected";
    private readonly IAdminUsers _users;
    private readonly AdminHistory _history;
    private readonly ILogger<AdminModelsController> _logger;

    public AdminModelsController(IAdminUsers users, AdminHistory history, ILogger<AdminModelsController> logger)
    {
        _users = users;
        _history = history;
        _logger = logger;
    }

    private DbContext Db => _users.Db;

    [HttpGet]
    public async Task<IActionResult> List([FromRoute] string app, [FromRoute] string model, string? q, string? o, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (DenyUnlessAny(admin.Perm("view"), admin.Perm("change")) is { } denied)
        {
            return denied;
        }

        var filters = new List<KeyValuePair<IProperty, object?>>();
        foreach (var field in admin.Filters)
        {
            if (Request.Query.TryGetValue(field.Name + "__isnull", out var isNull) && isNull == "True")
            {
                filters.Add(new(field.Property, null));
            }
            else if (Request.Query.TryGetValue(field.Name + "__exact", out var raw))
            {
                if (!AdminValues.TryParse(raw.ToString(), field.ValueType, out var value, out var message))
                {
                    return BadRequest($"The filter on {field.Label} is not valid: {message}");
                }

                filters.Add(new(field.Property, value));
            }
        }

        var order = new List<(IProperty, bool)>();
        var sortable = admin.ListColumns.Where(IsSortable).ToList();
        if (!string.IsNullOrEmpty(o) && sortable.FirstOrDefault(c => c.Name == o.TrimStart('-')) is { } sortColumn)
        {
            order.Add((sortColumn.Property, o.StartsWith('-')));
        }
        else if (admin.Registration.OrderBy is { } defaultOrder && admin.Fields.FirstOrDefault(f => f.Name == defaultOrder) is { } orderField && IsSortable(orderField))
        {
            order.Add((orderField.Property, admin.Registration.OrderDescending));
        }

        var result = await admin.Queries.ListAsync(Db, new AdminListQuery
        {
            Key = admin.Key,
            Search = q,
            SearchFields = [.. admin.SearchFields.Select(f => f.Property)],
            Filters = filters,
            Order = order,
            Page = PageNumber,
            PerPage = admin.PerPage,
        }, cancellationToken);
        var pages = Math.Max(1, (result.Count + admin.PerPage - 1) / admin.PerPage);
        var columns = admin.ListColumns.Count == 0 ? [] : admin.ListColumns;
        var reprs = await ForeignReprsAsync(columns, result.Rows, cancellationToken);
        var rows = result.Rows.Select(row =>
        {
            var id = AdminValues.Format(admin.Key.PropertyInfo!.GetValue(row));
            IReadOnlyList<string> cells = columns.Count == 0
                ? [AdminRepr.Of(row, admin.EntityType)]
                : [.. columns.Select(c => CellText(c, c.Clr.GetValue(row), reprs))];
            return new AdminListPage.Row(id, Urls.Change(admin.AppLabel, admin.ModelName, id), cells);
        }).ToList();
        var actions = new List<KeyValuePair<string, string>>();
        if (Actor.Has(admin.Perm("delete")))
        {
            actions.Add(new(DeleteSelected, $"Delete selected {admin.VerboseNamePlural}"));
        }

        actions.AddRange(admin.Registration.Actions.Where(a => Actor.Has(admin.Perm(a.Permission))).Select(a => new KeyValuePair<string, string>(a.Name, a.Description)));
        Crumbs(AdminNames.CapFirst(admin.VerboseNamePlural), (AdminNames.CapFirst(admin.AppLabel), null));
        return View("~/Areas/ClinicAdmin/Views/Shared/List.cshtml", new AdminListPage
        {
            Title = $"Select {admin.VerboseName} to {(Actor.Has(admin.Perm("change")) ? "change" : "view")}",
            PluralName = admin.VerboseNamePlural,
            Columns = columns.Count == 0
                ? [new AdminListPage.Column(AdminNames.CapFirst(admin.VerboseName), null, null)]
                : [.. columns.Select(c => IsSortable(c) ? SortableColumn(c.Label, c.Name) : new AdminListPage.Column(c.Label, null, null))],
            Rows = rows,
            Searchable = admin.SearchFields.Count > 0,
            Search = q,
            KeptOnSearch = KeptOnSearch(),
            Filters = await FilterGroupsAsync(admin, cancellationToken),
            Actions = actions,
            AddUrl = Actor.Has(admin.Perm("add")) ? Urls.Add(admin.AppLabel, admin.ModelName) : null,
            Page = Math.Clamp(PageNumber, 1, pages),
            Pages = pages,
            Count = result.Count,
            Total = result.TotalCount,
            PageUrl = n => With(("p", n.ToString(CultureInfo.InvariantCulture))),
        });
    }

    [HttpPost]
    [ActionName("List")]
    public async Task<IActionResult> ListPost([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        var name = Request.Form["action"].ToString();
        var action = name == DeleteSelected ? null : admin.FindAction(name);
        if (name != DeleteSelected && action is null)
        {
            return BadRequest("No such action. Choose an action from the list.");
        }

        if (Deny(admin.Perm(action?.Permission ?? "delete")) is { } denied)
        {
            return denied;
        }

        var keys = new List<object>();
        var keyType = Nullable.GetUnderlyingType(admin.Key.ClrType) ?? admin.Key.ClrType;
        foreach (var raw in Request.Form["_selected_action"].Take(1000))
        {
            if (raw is not null && AdminValues.TryParse(raw, keyType, out var key, out _) && key is not null)
            {
                keys.Add(key);
            }
        }

        var listUrl = Urls.List(admin.AppLabel, admin.ModelName);
        if (keys.Count == 0)
        {
            Flash("Items must be selected in order to perform actions on them. No items have been changed.");
            return Redirect(listUrl);
        }

        var items = await admin.Queries.FindManyAsync(Db, admin.Key, keys, cancellationToken);
        if (action is null)
        {
            return await DeleteSelectedAsync(admin, items, cancellationToken);
        }

        string? message = null;
        await AdminHistory.InTransactionAsync(Db, async () =>
        {
            message = await action.Run(new AdminActionInvocation(HttpContext, Db), items);
            Db.ChangeTracker.DetectChanges();
            foreach (var item in items)
            {
                var entry = Db.Entry(item);
                var changed = admin.Fields.Where(f => entry.State == EntityState.Modified && entry.Property(f.Name).IsModified).Select(f => f.Label).ToList();
                if (entry.State == EntityState.Modified)
                {
                    _history.Add(Db, Actor.UserId, admin.ContentType, AdminValues.Format(admin.Key.PropertyInfo!.GetValue(item)), AdminRepr.Of(item, admin.EntityType), AdminLogAction.Change, AdminChangeMessage.Changed(changed));
                }
            }

            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        _logger.AdminChange(Actor.UserId, "ran " + action.Name + " on", admin.ContentType, items.Count.ToString(CultureInfo.InvariantCulture) + " objects");
        Flash(message ?? $"{action.Description}: done on {items.Count} {(items.Count == 1 ? admin.VerboseName : admin.VerboseNamePlural)}.");
        return Redirect(listUrl);
    }

    [HttpGet]
    public async Task<IActionResult> Add([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (Deny(admin.Perm("add")) is { } denied)
        {
            return denied;
        }

        return await ShowForm(admin, admin.Queries.Create(), adding: true, canSave: true, new FormErrors(), cancellationToken);
    }

    [HttpPost]
    [ActionName("Add")]
    public async Task<IActionResult> AddPost([FromRoute] string app, [FromRoute] string model, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (Deny(admin.Perm("add")) is { } denied)
        {
            return denied;
        }

        var entity = admin.Queries.Create();
        var errors = await EntityForm.BindAsync(Db, admin, entity, Request.Form, adding: true, cancellationToken);
        if (!errors.IsValid)
        {
            return await ShowForm(admin, entity, adding: true, canSave: true, errors, cancellationToken);
        }

        try
        {
            await AdminHistory.InTransactionAsync(Db, async () =>
            {
                Db.Add(entity);
                await Db.SaveChangesAsync(cancellationToken);
                _history.Add(Db, Actor.UserId, admin.ContentType, KeyOf(admin, entity), AdminRepr.Of(entity, admin.EntityType), AdminLogAction.Addition, AdminChangeMessage.Added());
                await Db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            errors.AddNonField("The database refused this object (a value that must be unique may already be taken, or a related object is missing).");
            return await ShowForm(admin, entity, adding: true, canSave: true, errors, cancellationToken, StatusCodes409);
        }

        var id = KeyOf(admin, entity);
        _logger.AdminChange(Actor.UserId, "added", admin.ContentType, id);
        return AfterSave(admin, entity, id, "added");
    }

    [HttpGet]
    public async Task<IActionResult> Change([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (DenyUnlessAny(admin.Perm("view"), admin.Perm("change")) is { } denied)
        {
            return denied;
        }

        if (await FindAsync(admin, id, tracked: false, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        return await ShowForm(admin, entity, adding: false, canSave: Actor.Has(admin.Perm("change")), new FormErrors(), cancellationToken);
    }

    [HttpPost]
    [ActionName("Change")]
    public async Task<IActionResult> ChangePost([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (Deny(admin.Perm("change")) is { } denied)
        {
            return denied;
        }

        if (await FindAsync(admin, id, tracked: true, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        var entry = Db.Entry(entity);
        foreach (var token in admin.ConcurrencyTokens)
        {
            var posted = Request.Form["__token_" + token.Name].ToString();
            var type = Nullable.GetUnderlyingType(token.ClrType) ?? token.ClrType;
            object? original = type == typeof(byte[]) ? TryBase64(posted) as object : AdminValues.TryParse(posted, type, out var parsed, out _) ? parsed : null;
            if (original is null && !string.IsNullOrEmpty(posted))
            {
                return BadRequest("The form's version field is not valid; reload the page.");
            }

            entry.Property(token.Name).OriginalValue = original;
        }

        var errors = await EntityForm.BindAsync(Db, admin, entity, Request.Form, adding: false, cancellationToken);
        if (!errors.IsValid)
        {
            return await ShowForm(admin, entity, adding: false, canSave: true, errors, cancellationToken);
        }

        Db.ChangeTracker.DetectChanges();
        var changed = admin.Fields.Where(f => entry.Property(f.Name).IsModified).Select(f => f.Label).ToList();
        foreach (var token in admin.ConcurrencyTokens.Where(t => t.ValueGenerated == ValueGenerated.Never))
        {
            var current = entry.Property(token.Name).CurrentValue;
            entry.Property(token.Name).CurrentValue = current switch
            {
                Guid => Guid.NewGuid(),
                int n => n + 1,
                long n => n + 1,
                _ => current,
            };
        }

        try
        {
            await AdminHistory.InTransactionAsync(Db, async () =>
            {
                _history.Add(Db, Actor.UserId, admin.ContentType, id, AdminRepr.Of(entity, admin.EntityType), AdminLogAction.Change, AdminChangeMessage.Changed(changed));
                await Db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            errors.AddNonField($"This {admin.VerboseName} was changed by someone else after you opened it. Reload the page to see the current values, then make your change again.");
            return await ShowForm(admin, entity, adding: false, canSave: true, errors, cancellationToken, StatusCodes409);
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            errors.AddNonField("The database refused this change (a value that must be unique may already be taken, or a related object is missing).");
            return await ShowForm(admin, entity, adding: false, canSave: true, errors, cancellationToken, StatusCodes409);
        }

        _logger.AdminChange(Actor.UserId, "changed", admin.ContentType, id);
        return AfterSave(admin, entity, id, "changed");
    }

    [HttpGet]
    public async Task<IActionResult> Delete([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (Deny(admin.Perm("delete")) is { } denied)
        {
            return denied;
        }

        if (await FindAsync(admin, id, tracked: false, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        var plan = await AdminDeletion.PlanAsync(Db, admin.EntityType, [entity], Site.Options.DeleteConfirmationLimit, tracked: false, cancellationToken);
        var repr = AdminRepr.Of(entity, admin.EntityType);
        Crumbs("Are you sure?", (AdminNames.CapFirst(admin.VerboseNamePlural), Urls.List(admin.AppLabel, admin.ModelName)), (repr, Urls.Change(admin.AppLabel, admin.ModelName, id)));
        return View("~/Areas/ClinicAdmin/Views/Shared/DeleteConfirm.cshtml", new AdminDeletePage("Are you sure?", $"the {admin.VerboseName} “{repr}”", plan, Urls.Change(admin.AppLabel, admin.ModelName, id), [], false));
    }

    [HttpPost]
    [ActionName("Delete")]
    public async Task<IActionResult> DeletePost([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (Deny(admin.Perm("delete")) is { } denied)
        {
            return denied;
        }

        if (await FindAsync(admin, id, tracked: true, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        return await DeleteObjectsAsync(admin, [entity], Urls.Delete(admin.AppLabel, admin.ModelName, id), cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> History([FromRoute] string app, [FromRoute] string model, [FromRoute] string id, CancellationToken cancellationToken)
    {
        if (Site.Find(app, model) is not { } admin)
        {
            return NotFound();
        }

        if (DenyUnlessAny(admin.Perm("view"), admin.Perm("change")) is { } denied)
        {
            return denied;
        }

        if (await FindAsync(admin, id, tracked: false, cancellationToken) is not { } entity)
        {
            return NotFound();
        }

        return await AdminHistoryView.ShowAsync(this, Db, admin.ContentType, id, AdminRepr.Of(entity, admin.EntityType), Urls.Change(admin.AppLabel, admin.ModelName, id), (AdminNames.CapFirst(admin.VerboseNamePlural), Urls.List(admin.AppLabel, admin.ModelName)), cancellationToken);
    }

    private const int StatusCodes409 = 409;

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private static string KeyOf(AdminModel admin, object entity) => AdminValues.Format(admin.Key.PropertyInfo!.GetValue(entity));

    private bool IsSortable(AdminField field)
    {
        var sqlite = Db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        return !(sqlite && (field.ValueType == typeof(DateTimeOffset) || field.ValueType == typeof(decimal) || field.ValueType == typeof(TimeSpan) || field.ValueType == typeof(ulong)));
    }

    private async Task<object?> FindAsync(AdminModel admin, string id, bool tracked, CancellationToken cancellationToken)
    {
        var keyType = Nullable.GetUnderlyingType(admin.Key.ClrType) ?? admin.Key.ClrType;
        return AdminValues.TryParse(id, keyType, out var key, out _) && key is not null
            ? await admin.Queries.FindAsync(Db, admin.Key, key, tracked, cancellationToken)
            : null;
    }

    private RedirectResult AfterSave(AdminModel admin, object entity, string id, string verb)
    {
        var repr = AdminRepr.Of(entity, admin.EntityType);
        if (Request.Form.ContainsKey("_continue"))
        {
            Flash($"The {admin.VerboseName} “{repr}” was {verb} successfully. You may edit it again below.");
            return Redirect(Urls.Change(admin.AppLabel, admin.ModelName, id));
        }

        if (Request.Form.ContainsKey("_addanother") && Actor.Has(admin.Perm("add")))
        {
            Flash($"The {admin.VerboseName} “{repr}” was {verb} successfully. You may add another {admin.VerboseName} below.");
            return Redirect(Urls.Add(admin.AppLabel, admin.ModelName));
        }

        Flash($"The {admin.VerboseName} “{repr}” was {verb} successfully.");
        return Redirect(Urls.List(admin.AppLabel, admin.ModelName));
    }

    private async Task<IActionResult> DeleteSelectedAsync(AdminModel admin, List<object> items, CancellationToken cancellationToken)
    {
        if (Request.Form["post"] != "yes")
        {
            var plan = await AdminDeletion.PlanAsync(Db, admin.EntityType, items, Site.Options.DeleteConfirmationLimit, tracked: false, cancellationToken);
            Crumbs("Delete multiple objects", (AdminNames.CapFirst(admin.VerboseNamePlural), Urls.List(admin.AppLabel, admin.ModelName)));
            return View("~/Areas/ClinicAdmin/Views/Shared/DeleteConfirm.cshtml", new AdminDeletePage(
                "Are you sure?",
                $"the selected {(items.Count == 1 ? admin.VerboseName : admin.VerboseNamePlural)}",
                plan,
                Urls.List(admin.AppLabel, admin.ModelName),
                [.. items.Select(i => KeyOf(admin, i))],
                true));
        }

        return await DeleteObjectsAsync(admin, items, Urls.List(admin.AppLabel, admin.ModelName), cancellationToken);
    }

    private async Task<IActionResult> DeleteObjectsAsync(AdminModel admin, List<object> items, string retryUrl, CancellationToken cancellationToken)
    {
        var plan = await AdminDeletion.PlanAsync(Db, admin.EntityType, items, Site.Options.DeleteConfirmationLimit, tracked: true, cancellationToken);
        if (plan.Protected.Count > 0)
        {
            Db.ChangeTracker.Clear();
            Crumbs("Cannot delete", (AdminNames.CapFirst(admin.VerboseNamePlural), Urls.List(admin.AppLabel, admin.ModelName)));
            var page = View("~/Areas/ClinicAdmin/Views/Shared/DeleteConfirm.cshtml", new AdminDeletePage("Cannot delete", $"the selected {admin.VerboseNamePlural}", plan, retryUrl, [], false));
            page.StatusCode = StatusCodes409;
            return page;
        }

        var reprs = items.Select(i => (Key: KeyOf(admin, i), Repr: AdminRepr.Of(i, admin.EntityType))).ToList();
        await AdminHistory.InTransactionAsync(Db, async () =>
        {
            foreach (var (key, repr) in reprs)
            {
                _history.Add(Db, Actor.UserId, admin.ContentType, key, repr, AdminLogAction.Deletion, string.Empty);
            }

            Db.RemoveRange(items);
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        foreach (var (key, _) in reprs)
        {
            _logger.AdminChange(Actor.UserId, "deleted", admin.ContentType, key);
        }

        Flash(items.Count == 1
            ? $"The {admin.VerboseName} “{reprs[0].Repr}” was deleted successfully."
            : $"Successfully deleted {items.Count} {admin.VerboseNamePlural}.");
        return Redirect(Urls.List(admin.AppLabel, admin.ModelName));
    }

    private async Task<Dictionary<(IEntityType, string), string>> ForeignReprsAsync(IReadOnlyList<AdminField> columns, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var reprs = new Dictionary<(IEntityType, string), string>();
        foreach (var column in columns.Where(c => c.Principal is not null))
        {
            var principal = column.Principal!;
            var key = principal.FindPrimaryKey()!.Properties[0];
            var values = rows.Select(r => column.Clr.GetValue(r)).Where(v => v is not null).Distinct().Cast<object>().ToList();
            foreach (var related in await EntityQueriesCache.For(principal.ClrType).FindManyAsync(Db, key, values, cancellationToken))
            {
                reprs[(principal, AdminValues.Format(key.PropertyInfo!.GetValue(related)))] = AdminRepr.Of(related, principal);
            }

            foreach (var related in Db.ChangeTracker.Entries().Where(e => e.Metadata == principal).ToList())
            {
                related.State = EntityState.Detached;
            }
        }

        return reprs;
    }

    private static string CellText(AdminField column, object? value, Dictionary<(IEntityType, string), string> reprs) =>
        column.Principal is not null && value is not null && reprs.TryGetValue((column.Principal, AdminValues.Format(value)), out var repr)
            ? repr
            : column.Kind == AdminFieldKind.Choice && value is not null ? AdminNames.CapFirst(value.ToString()!) : AdminValues.Display(value);

    private async Task<IReadOnlyList<AdminListPage.FilterGroup>> FilterGroupsAsync(AdminModel admin, CancellationToken cancellationToken)
    {
        var groups = new List<AdminListPage.FilterGroup>();
        foreach (var field in admin.Filters)
        {
            var exact = field.Name + "__exact";
            var isNull = field.Name + "__isnull";
            var current = Request.Query[exact].ToString();
            var currentNull = Request.Query[isNull] == "True";
            var options = new List<AdminListPage.FilterOption> { new("All", With((exact, null), (isNull, null)), current.Length == 0 && !currentNull) };
            IEnumerable<(string Value, string Label)> values;
            if (field.Kind == AdminFieldKind.Boolean)
            {
                values = [("true", "Yes"), ("false", "No")];
            }
            else if (field.Kind == AdminFieldKind.Choice)
            {
                values = field.Choices.Select(c => (c.Key, c.Value));
            }
            else
            {
                var distinct = (await admin.Queries.DistinctAsync(Db, field.Property, 50, cancellationToken)).Where(v => v is not null).ToList();
                var reprs = field.Principal is null ? [] : await ForeignReprsAsync([field], [.. distinct.Select(v => Holder(field, v!))], cancellationToken);
                values = distinct.Select(v => (AdminValues.Format(v), field.Principal is not null && reprs.TryGetValue((field.Principal, AdminValues.Format(v)), out var r) ? r : AdminValues.Display(v)))
                    .OrderBy(v => v.Item2, StringComparer.CurrentCulture);
            }

            foreach (var (value, label) in values)
            {
                options.Add(new(label, With((exact, value), (isNull, null)), current == value));
            }

            if (!field.Required && field.ValueType != typeof(bool))
            {
                options.Add(new("(None)", With((exact, null), (isNull, "True")), currentNull));
            }

            groups.Add(new AdminListPage.FilterGroup("By " + field.Label.ToLowerInvariant(), options));
        }

        return groups;
    }

    /// <summary>An entity instance carrying one value, so filter values reuse the foreign-key representation lookup.</summary>
    private static object Holder(AdminField field, object value)
    {
        var instance = Activator.CreateInstance(field.Property.DeclaringType.ClrType)!;
        field.Clr.SetValue(instance, value);
        return instance;
    }

    private async Task<IActionResult> ShowForm(AdminModel admin, object entity, bool adding, bool canSave, FormErrors errors, CancellationToken cancellationToken, int status = 200)
    {
        var fields = new List<AdminFormPage.Field>();
        var posted = Request.HasFormContentType ? Request.Form : null;
        foreach (var field in admin.Fields)
        {
            if (adding && field.ReadOnly && field.Property.IsPrimaryKey())
            {
                continue;
            }

            var value = field.Clr.GetValue(entity);
            var readOnly = !canSave || field.ReadOnly || (field.AddOnly && !adding);
            var text = errors.Has(field.Name) && posted is not null ? posted[field.Name].ToString() : AdminValues.Format(value);
            IReadOnlyList<KeyValuePair<string, string>> choices = [];
            string? search = null;
            var more = false;
            var display = AdminValues.Display(value);
            if (field.Kind == AdminFieldKind.Choice)
            {
                choices = field.Choices;
                display = value is null ? "-" : AdminNames.CapFirst(value.ToString()!);
            }
            else if (field.Principal is { } principal)
            {
                search = Request.Query["fk_" + field.Name].ToString();
                (choices, more, display) = await ForeignChoicesAsync(principal, value, search, readOnly, cancellationToken);
            }

            fields.Add(new AdminFormPage.Field
            {
                Name = field.Name,
                Label = field.Label,
                Kind = field.Kind,
                Value = text,
                Display = display,
                Required = field.Required,
                MaxLength = field.MaxLength,
                ReadOnly = readOnly,
                Help = field.Help,
                Errors = errors.For(field.Name),
                Choices = choices,
                Search = search,
                MoreChoices = more,
            });
        }

        var hidden = adding ? [] : admin.ConcurrencyTokens
            .Select(t => new KeyValuePair<string, string>("__token_" + t.Name, AdminValues.Format(Db.Entry(entity).State == EntityState.Detached ? t.PropertyInfo?.GetValue(entity) : Db.Entry(entity).Property(t.Name).OriginalValue)))
            .ToList();
        var id = adding ? null : KeyOf(admin, entity);
        var repr = adding ? null : AdminRepr.Of(entity, admin.EntityType);
        var title = adding ? $"Add {admin.VerboseName}" : (canSave ? $"Change {admin.VerboseName}" : $"View {admin.VerboseName}");
        Crumbs(title, (AdminNames.CapFirst(admin.VerboseNamePlural), Urls.List(admin.AppLabel, admin.ModelName)), (repr ?? title, null));
        var view = View("~/Areas/ClinicAdmin/Views/Shared/Form.cshtml", new AdminFormPage
        {
            Title = title,
            Fields = fields,
            Hidden = hidden,
            NonFieldErrors = errors.NonField,
            CanSave = canSave,
            Adding = adding,
            DeleteUrl = id is not null && Actor.Has(admin.Perm("delete")) ? Urls.Delete(admin.AppLabel, admin.ModelName, id) : null,
            HistoryUrl = id is null ? null : Urls.History(admin.AppLabel, admin.ModelName, id),
        });
        if (!errors.IsValid || status != 200)
        {
            view.StatusCode = status != 200 ? status : 400;
        }

        return view;
    }

    private async Task<(IReadOnlyList<KeyValuePair<string, string>> Choices, bool More, string Display)> ForeignChoicesAsync(IEntityType principal, object? current, string? search, bool readOnly, CancellationToken cancellationToken)
    {
        var key = principal.FindPrimaryKey()!.Properties[0];
        var queries = EntityQueriesCache.For(principal.ClrType);
        var choices = new List<KeyValuePair<string, string>>();
        var display = "-";
        if (current is not null && await queries.FindAsync(Db, key, current, tracked: false, cancellationToken) is { } selected)
        {
            display = AdminRepr.Of(selected, principal);
            choices.Add(new(AdminValues.Format(current), display));
        }

        if (readOnly)
        {
            return (choices, false, display);
        }

        var limit = Site.Options.ForeignKeyChoices;
        var searchFields = Site.Find(principal.ClrType)?.SearchFields.Select(f => f.Property).ToList() ?? [];
        var found = await queries.LookupAsync(Db, key, searchFields, search, limit + 1, cancellationToken);
        foreach (var option in found.Take(limit))
        {
            var value = AdminValues.Format(key.PropertyInfo!.GetValue(option));
            if (!choices.Any(c => c.Key == value))
            {
                choices.Add(new(value, AdminRepr.Of(option, principal)));
            }
        }

        return (choices, found.Count > limit, display);
    }
}
