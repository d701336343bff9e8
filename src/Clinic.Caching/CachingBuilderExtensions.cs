using Clinic.Caching.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Caching;

/// <summary>Store choices for <see cref="CachingBuilder"/>. The last choice wins.</summary>
public static class CachingBuilderExtensions
{
    /// <summary>
    /// Keeps responses in process memory, bounded by <see cref="CachingOptions.MemorySizeLimit"/> (the default store).
    /// Fastest; lost on restart and not shared between instances.
    /// </summary>
    public static CachingBuilder UseMemoryStore(this CachingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCacheStore, MemoryResponseCacheStore>());
        return builder;
    }

    /// <summary>
    /// Keeps responses as files in <paramref name="path"/> (hashed names, written to a temporary file and renamed),
    /// culled when more than <see cref="FileStoreOptions.MaxEntries"/> exist. Survives restarts; one machine only.
    /// </summary>
    public static CachingBuilder UseFileStore(this CachingBuilder builder, string path, Action<FileStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.AddOptions<FileStoreOptions>().Configure(o => o.Path = path).ValidateOnStart();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileStoreOptions>, FileStoreOptionsValidator>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCacheStore, FileResponseCacheStore>());
        return builder;
    }

    /// <summary>
    /// Keeps responses in the registered <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>
    /// (Redis in production), shared by every instance. Invalidation by prefix, tag or everything reaches the entries
    /// this instance wrote; invalidation by URL reaches every instance's.
    /// </summary>
    public static CachingBuilder UseDistributedCacheStore(this CachingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCacheStore, DistributedResponseCacheStore>());
        return builder;
    }
}
