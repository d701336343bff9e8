using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Clinic.Users.Admin.Internal;

namespace Clinic.Users.Admin;

/// <summary>Describes how the admin shows one entity (Django's <c>ModelAdmin</c>).</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed partial class AdminModelBuilder<TEntity>
    where TEntity : class
{
    private readonly List<string> _list = [];
    private readonly List<string> _search = [];
    private readonly List<string> _filters = [];
    private readonly List<string> _exclude = [];
    private readonly List<string> _readOnly = [];
    private readonly List<AdminActionRegistration> _actions = [];
    private string? _orderBy;
    private bool _orderDescending;
    private int? _perPage;

    internal AdminModelBuilder()
    {
    }

    /// <summary>The list page's columns (Django's <c>list_display</c>); the object's text when none are given. Columns can be sorted.</summary>
    /// <param name="columns">Properties of the entity, such as <c>p =&gt; p.Name</c>.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> List(params Expression<Func<TEntity, object?>>[] columns)
    {
        _list.AddRange(Names(columns));
        return this;
    }

    /// <summary>String properties searched, case-insensitively, by the list page's search box (Django's <c>search_fields</c>); every word must match one of them.</summary>
    /// <param name="fields">String properties of the entity.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> Search(params Expression<Func<TEntity, object?>>[] fields)
    {
        _search.AddRange(Names(fields));
        return this;
    }

    /// <summary>Properties offered as filters in the list page's side bar (Django's <c>list_filter</c>): booleans, enums, foreign keys and other scalars.</summary>
    /// <param name="fields">Properties of the entity.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> Filter(params Expression<Func<TEntity, object?>>[] fields)
    {
        _filters.AddRange(Names(fields));
        return this;
    }

    /// <summary>The default order of the list (Django's <c>ordering</c>); the key, descending, when not set.</summary>
    /// <param name="property">A property of the entity.</param>
    /// <param name="descending">Whether the order is descending.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> OrderBy(Expression<Func<TEntity, object?>> property, bool descending = false)
    {
        _orderBy = Names([property]).Single();
        _orderDescending = descending;
        return this;
    }

    /// <summary>Properties never shown nor bound by the admin (Django's <c>exclude</c>): secrets, tokens, internal state.</summary>
    /// <param name="fields">Properties of the entity.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> Exclude(params Expression<Func<TEntity, object?>>[] fields)
    {
        _exclude.AddRange(Names(fields));
        return this;
    }

    /// <summary>Properties shown on the change page but never bound from a form (Django's <c>readonly_fields</c>).</summary>
    /// <param name="fields">Properties of the entity.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> ReadOnly(params Expression<Func<TEntity, object?>>[] fields)
    {
        _readOnly.AddRange(Names(fields));
        return this;
    }

    /// <summary>Rows per list page for this entity, instead of <see cref="ClinicAdminOptions.ListPerPage"/>.</summary>
    /// <param name="rows">Between 1 and 1,000.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> PerPage(int rows)
    {
        _perPage = rows;
        return this;
    }

    /// <summary>
    /// Adds a bulk action to the list page (Django's <c>actions</c>), next to "Delete selected". The handler gets the
    /// selected objects, tracked; the admin then saves the context in one transaction with a history entry for every
    /// changed object, so model signals fire as for any save.
    /// </summary>
    /// <param name="name">The action's name, lower-case letters, digits and underscores (such as <c>"mark_discharged"</c>).</param>
    /// <param name="handler">Changes the selected objects.</param>
    /// <param name="description">The text in the action menu; the name with spaces when <see langword="null"/>.</param>
    /// <param name="permission">The model permission the action needs: <c>"view"</c>, <c>"add"</c>, <c>"change"</c> (the default) or <c>"delete"</c>.</param>
    /// <returns>This builder.</returns>
    public AdminModelBuilder<TEntity> Action(string name, Func<AdminActionContext<TEntity>, Task> handler, string? description = null, string permission = "change")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(permission);
        _actions.Add(new AdminActionRegistration(name, description ?? name.Replace('_', ' '), permission, async (context, items) =>
        {
            var typed = new AdminActionContext<TEntity>(context.HttpContext, context.DbContext, items.Cast<TEntity>().ToList());
            await handler(typed);
            return typed.Message;
        }));
        return this;
    }

    internal AdminRegistration Build() => new(
        typeof(TEntity),
        [.. _list],
        [.. _search],
        [.. _filters],
        [.. _exclude],
        [.. _readOnly],
        [.. _actions],
        _orderBy,
        _orderDescending,
        _perPage,
        typeof(EntityQueries<>).MakeGenericType(typeof(TEntity)));

    internal static bool IsActionName(string name) => ActionName().IsMatch(name);

    private static List<string> Names(Expression<Func<TEntity, object?>>[] expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        var names = new List<string>(expressions.Length);
        foreach (var expression in expressions)
        {
            ArgumentNullException.ThrowIfNull(expression);
            var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? convert.Operand : expression.Body;
            if (body is not MemberExpression { Member: PropertyInfo property } member || member.Expression != expression.Parameters[0])
            {
                throw new ArgumentException($"The admin takes direct properties of {typeof(TEntity).Name}, such as x => x.Name; \"{expression}\" is not one.", nameof(expressions));
            }

            names.Add(property.Name);
        }

        return names;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ActionName();
}
