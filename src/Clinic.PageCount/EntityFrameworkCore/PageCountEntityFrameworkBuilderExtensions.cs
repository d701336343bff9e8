using Clinic.PageCount.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.PageCount;

/// <summary>Chooses the EF Core store (SQLite, or PostgreSQL for several instances).</summary>
public static class PageCountEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores counts through <typeparamref name="TContext"/> (registered by the application, e.g. with
    /// <c>AddDbContext</c>), one atomic <c>INSERT ... ON CONFLICT DO UPDATE</c> per page per flush.
    /// </summary>
    public static PageCountBuilder UseEntityFrameworkStore<TContext>(this PageCountBuilder builder)
        where TContext : DbContext, IPageCountDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPageCountStore, EntityFrameworkPageCountStore<TContext>>());
        return builder;
    }
}
