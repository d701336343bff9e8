using System.Collections.Concurrent;

namespace Clinic.Users.Admin.Internal;

/// <summary>One <see cref="EntityQueries{T}"/> per entity type, for types reached through relations (pickers, cascades).</summary>
internal static class EntityQueriesCache
{
    private static readonly ConcurrentDictionary<Type, IEntityQueries> Cache = new();

    public static IEntityQueries For(Type type) =>
        Cache.GetOrAdd(type, static t => (IEntityQueries)Activator.CreateInstance(typeof(EntityQueries<>).MakeGenericType(t))!);
}
