using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>The admin's queries for one entity type, written once generically (see <see cref="EntityQueries{T}"/>).</summary>
internal interface IEntityQueries
{
    object Create();

    Task<AdminListResult> ListAsync(DbContext db, AdminListQuery query, CancellationToken cancellationToken);

    Task<object?> FindAsync(DbContext db, IProperty key, object keyValue, bool tracked, CancellationToken cancellationToken);

    Task<List<object>> FindManyAsync(DbContext db, IProperty key, IReadOnlyList<object> keyValues, CancellationToken cancellationToken);

    Task<List<object>> WhereEqualsAsync(DbContext db, IProperty property, object value, int take, bool tracked, CancellationToken cancellationToken);

    Task<int> CountWhereEqualsAsync(DbContext db, IProperty property, object value, CancellationToken cancellationToken);

    Task<List<object>> LookupAsync(DbContext db, IProperty key, IReadOnlyList<IProperty> searchFields, string? term, int take, CancellationToken cancellationToken);

    Task<List<object?>> DistinctAsync(DbContext db, IProperty property, int take, CancellationToken cancellationToken);
}
