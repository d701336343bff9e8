using Clinic.Caching.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Caching;

/// <summary>The database store choice for <see cref="CachingBuilder"/>.</summary>
public static class CachingBuilderEntityFrameworkExtensions
{
    /// <summary>
    /// Keeps responses in the application's database through <typeparamref name="TContext"/> (register the context
    /// with <c>AddDbContext</c>; map the table with <c>ApplyClinicCaching()</c>). Shared by every instance, survives
    /// restarts, invalidation reaches every entry; each hit is one indexed query.
    /// </summary>
    public static CachingBuilder UseEntityFrameworkStore<TContext>(this CachingBuilder builder)
        where TContext : DbContext, ICacheDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCacheStore, EntityFrameworkResponseCacheStore<TContext>>());
        return builder;
    }
}
