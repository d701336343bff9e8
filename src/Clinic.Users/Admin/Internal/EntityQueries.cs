using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// The admin's queries for <typeparamref name="T"/>, built as expression trees over CLR properties so EF Core
/// translates them to parameterised SQL (search words and filter values are parameters, never SQL text).
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class EntityQueries<T> : IEntityQueries
    where T : class
{
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    public object Create() => Activator.CreateInstance<T>();

    public async Task<AdminListResult> ListAsync(DbContext db, AdminListQuery query, CancellationToken cancellationToken)
    {
        var all = db.Set<T>().AsNoTracking();
        var filtered = all;
        foreach (var (property, value) in query.Filters)
        {
            filtered = filtered.Where(Equal(property, value));
        }

        foreach (var word in (query.Search ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(10))
        {
            if (query.SearchFields.Count > 0)
            {
                filtered = filtered.Where(AnyContains(query.SearchFields, word));
            }
        }

        var count = await filtered.CountAsync(cancellationToken);
        var total = query.Filters.Count == 0 && string.IsNullOrWhiteSpace(query.Search) ? count : await all.CountAsync(cancellationToken);
        IOrderedQueryable<T>? ordered = null;
        foreach (var (property, descending) in query.Order.Append((query.Key, true)).DistinctBy(o => o.Item1.Name))
        {
            ordered = Order(ordered ?? (IQueryable<T>)filtered, property, descending, first: ordered is null);
        }

        var pages = Math.Max(1, (count + query.PerPage - 1) / query.PerPage);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await ordered!.Skip((page - 1) * query.PerPage).Take(query.PerPage).ToListAsync(cancellationToken);
        return new AdminListResult(rows, count, total);
    }

    public async Task<object?> FindAsync(DbContext db, IProperty key, object keyValue, bool tracked, CancellationToken cancellationToken)
    {
        var set = tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        return await set.Where(Equal(key, keyValue)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<List<object>> FindManyAsync(DbContext db, IProperty key, IReadOnlyList<object> keyValues, CancellationToken cancellationToken)
    {
        var found = new List<object>(keyValues.Count);
        foreach (var chunk in keyValues.Chunk(100))
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            var member = Expression.Property(parameter, key.PropertyInfo!);
            var list = typeof(List<>).MakeGenericType(member.Type);
            var values = (System.Collections.IList)Activator.CreateInstance(list)!;
            foreach (var value in chunk)
            {
                values.Add(value);
            }

            var contains = Expression.Call(Expression.Constant(values), list.GetMethod(nameof(List<object>.Contains))!, member);
            found.AddRange(await db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(contains, parameter)).ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<List<object>> WhereEqualsAsync(DbContext db, IProperty property, object value, int take, bool tracked, CancellationToken cancellationToken)
    {
        var set = tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        return [.. await set.Where(Equal(property, value)).Take(take).ToListAsync(cancellationToken)];
    }

    public Task<int> CountWhereEqualsAsync(DbContext db, IProperty property, object value, CancellationToken cancellationToken) =>
        db.Set<T>().Where(Equal(property, value)).CountAsync(cancellationToken);

    public async Task<List<object>> LookupAsync(DbContext db, IProperty key, IReadOnlyList<IProperty> searchFields, string? term, int take, CancellationToken cancellationToken)
    {
        IQueryable<T> query = db.Set<T>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var fields = searchFields.Count > 0 ? searchFields : [.. key.DeclaringType.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null).Take(3)];
            Expression<Func<T, bool>>? byText = fields.Count > 0 ? AnyContains(fields, term.Trim()) : null;
            Expression<Func<T, bool>>? byKey = AdminValues.TryParse(term, Nullable.GetUnderlyingType(key.ClrType) ?? key.ClrType, out var keyValue, out _) && keyValue is not null ? Equal(key, keyValue) : null;
            query = (byText, byKey) switch
            {
                (not null, not null) => query.Where(Or(byText, byKey)),
                (not null, null) => query.Where(byText),
                (null, not null) => query.Where(byKey),
                _ => query.Where(_ => false),
            };
        }

        return [.. await Order(query, key, descending: false, first: true).Take(take).ToListAsync(cancellationToken)];
    }

    public async Task<List<object?>> DistinctAsync(DbContext db, IProperty property, int take, CancellationToken cancellationToken)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var member = Expression.Convert(Expression.Property(parameter, property.PropertyInfo!), typeof(object));
        var selector = Expression.Lambda<Func<T, object?>>(member, parameter);
        return await db.Set<T>().AsNoTracking().Select(selector).Distinct().Take(take).ToListAsync(cancellationToken);
    }

    private static Expression<Func<T, bool>> Equal(IProperty property, object? value)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var member = Expression.Property(parameter, property.PropertyInfo!);
        var constant = Parameterised(value, member.Type);
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(member, constant), parameter);
    }

    private static Expression<Func<T, bool>> AnyContains(IReadOnlyList<IProperty> fields, string word)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var lowered = Parameterised(word.ToLowerInvariant(), typeof(string));
        Expression? any = null;
        foreach (var field in fields)
        {
            var member = Expression.Property(parameter, field.PropertyInfo!);
            var test = Expression.AndAlso(
                Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(member, ToLowerMethod), ContainsMethod, lowered));
            any = any is null ? test : Expression.OrElse(any, test);
        }

        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }

    private static Expression<Func<T, bool>> Or(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var parameter = left.Parameters[0];
        var rightBody = new Rebinder(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, rightBody), parameter);
    }

    /// <summary>A value read from a closure-like holder, so EF Core sends it as a SQL parameter.</summary>
    private static MemberExpression Parameterised(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(ValueHolder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<object>.Value));
    }

    private static IOrderedQueryable<T> Order(IQueryable<T> source, IProperty property, bool descending, bool first)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var member = Expression.Property(parameter, property.PropertyInfo!);
        var lambda = Expression.Lambda(member, parameter);
        var name = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var method = typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2).MakeGenericMethod(typeof(T), member.Type);
        return (IOrderedQueryable<T>)method.Invoke(null, [source, lambda])!;
    }

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
