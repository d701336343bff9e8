using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Internal;

/// <summary>
/// The database store: one row per key, read with a compiled no-tracking query in a scope of its own; expired rows
/// are skipped on read and deleted in bulk every 100 writes.
/// </summary>
internal sealed class EntityFrameworkResponseCacheStore<TContext>(IServiceScopeFactory scopes, TimeProvider time) : IResponseCacheStore
    where TContext : DbContext, ICacheDbContext
{
    /// <summary>Compiled per store: a context type used with two providers (tests) must not share one.</summary>
    private readonly Func<TContext, string, long, CancellationToken, Task<byte[]?>> _find =
        EF.CompileAsyncQuery((TContext db, string key, long now, CancellationToken _) =>
            db.CachedResponses.AsNoTracking().Where(e => e.Key == key && e.ExpiresAtUnixMilliseconds > now).Select(e => e.Value).FirstOrDefault());

    private int _writes;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await _find(db, key, Now(), cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow();
        var record = new CachedResponseRecord
        {
            Key = key,
            Url = options.Url,
            Tags = options.Tags.Count == 0 ? string.Empty : "|" + string.Join('|', options.Tags) + "|",
            ExpiresAtUnixMilliseconds = now.Add(options.TimeToLive).ToUnixTimeMilliseconds(),
            Value = value,
        };
        var updated = await db.CachedResponses.Where(e => e.Key == key).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Url, record.Url)
                .SetProperty(e => e.Tags, record.Tags)
                .SetProperty(e => e.ExpiresAtUnixMilliseconds, record.ExpiresAtUnixMilliseconds)
                .SetProperty(e => e.Value, record.Value),
            cancellationToken);
        if (updated == 0)
        {
            db.CachedResponses.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request inserted the same key first: its value is as good as ours.
            }
        }

        if (Interlocked.Increment(ref _writes) % 100 == 0)
        {
            var cutoff = now.ToUnixTimeMilliseconds();
            await db.CachedResponses.Where(e => e.ExpiresAtUnixMilliseconds <= cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().CachedResponses.Where(e => e.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().CachedResponses.Where(e => e.Url.StartsWith(urlPrefix)).ExecuteDeleteAsync(cancellationToken);
    }

    public async ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken)
    {
        var marker = "|" + tag + "|";
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().CachedResponses.Where(e => e.Tags.Contains(marker)).ExecuteDeleteAsync(cancellationToken);
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().CachedResponses.ExecuteDeleteAsync(cancellationToken);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
