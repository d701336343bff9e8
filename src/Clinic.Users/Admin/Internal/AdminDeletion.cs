using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// Django's deletion collector over EF Core metadata: follows every foreign key that points at the deleted objects,
/// listing cascaded dependents (recursively), refusing when a required reference does not cascade, and loading
/// dependents whose optional reference EF Core nulls on the client so the delete does not fail.
/// </summary>
internal static class AdminDeletion
{
    private const int MaxDepth = 6;

    /// <summary>Plans the deletion of <c>roots</c>; with <c>tracked</c> (deleting for real) dependents are loaded tracked so EF Core deletes or nulls them and their signals fire.</summary>
    public static async Task<AdminDeletePlan> PlanAsync(DbContext db, IEntityType type, IReadOnlyList<object> roots, int limit, bool tracked, CancellationToken cancellationToken)
    {
        var plan = new AdminDeletePlan();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            await CollectAsync(db, type, root, 0, limit, tracked, plan, seen, cancellationToken);
        }

        return plan;
    }

    private static async Task CollectAsync(DbContext db, IEntityType type, object entity, int depth, int limit, bool tracked, AdminDeletePlan plan, HashSet<object> seen, CancellationToken cancellationToken)
    {
        if (!seen.Add(entity))
        {
            return;
        }

        var verbose = AdminNames.CapFirst(AdminNames.VerboseName(type.ClrType));
        Count(plan, AdminNames.Plural(verbose));
        if (plan.Deleted.Count < limit)
        {
            plan.Deleted.Add((depth, verbose + ": " + AdminRepr.Of(entity, type)));
        }
        else
        {
            plan.Truncated = true;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        foreach (var foreignKey in type.GetReferencingForeignKeys().Where(fk => !fk.DeclaringEntityType.IsOwned() && fk.Properties.Count == 1 && fk.PrincipalKey.Properties.Count == 1))
        {
            var principalValue = foreignKey.PrincipalKey.Properties[0].PropertyInfo?.GetValue(entity);
            var dependentType = foreignKey.DeclaringEntityType;
            var property = foreignKey.Properties[0];
            if (principalValue is null || property.PropertyInfo is null || dependentType.HasSharedClrType)
            {
                continue;
            }

            var queries = EntityQueriesCache.For(dependentType.ClrType);
            switch (foreignKey.DeleteBehavior)
            {
                case DeleteBehavior.Cascade or DeleteBehavior.ClientCascade:
                    var dependents = await queries.WhereEqualsAsync(db, property, principalValue, limit + 1, tracked, cancellationToken);
                    if (dependents.Count > limit)
                    {
                        var total = await queries.CountWhereEqualsAsync(db, property, principalValue, cancellationToken);
                        Count(plan, AdminNames.Plural(AdminNames.CapFirst(AdminNames.VerboseName(dependentType.ClrType))), total - limit);
                        plan.Truncated = true;
                        dependents = dependents.Take(limit).ToList();
                    }

                    foreach (var dependent in dependents)
                    {
                        await CollectAsync(db, dependentType, dependent, depth + 1, limit, tracked, plan, seen, cancellationToken);
                    }

                    break;
                case DeleteBehavior.SetNull:
                    break;
                case DeleteBehavior.ClientSetNull when !foreignKey.IsRequired:
                    var toNull = await queries.WhereEqualsAsync(db, property, principalValue, limit + 1, tracked, cancellationToken);
                    if (toNull.Count > limit)
                    {
                        plan.Protected.Add($"More than {limit} {AdminNames.Plural(AdminNames.VerboseName(dependentType.ClrType))} refer to {AdminRepr.Of(entity, type)}; clear their reference first.");
                    }

                    break;
                default:
                    foreach (var blocker in await queries.WhereEqualsAsync(db, property, principalValue, limit, tracked: false, cancellationToken))
                    {
                        plan.Protected.Add(AdminNames.CapFirst(AdminNames.VerboseName(dependentType.ClrType)) + ": " + AdminRepr.Of(blocker, dependentType));
                    }

                    break;
            }
        }
    }

    private static void Count(AdminDeletePlan plan, string plural, int by = 1) =>
        plan.Summary[plural] = plan.Summary.GetValueOrDefault(plural) + by;
}
