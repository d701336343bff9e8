using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Internal;

/// <summary>
/// The database store: one row per key. A hit is the hot path, so it skips LINQ translation, materialization and
/// the change tracker: one parameterized <c>SELECT</c> of the value column, built once from the model (table, schema
/// and column names as the application mapped them, quoted by the provider) and run on the context's own
/// connection in a scope of its own. Writes and invalidation go through EF Core. Expired rows are skipped on read
/// and deleted in bulk every 100 writes.
/// </summary>
internal sealed class EntityFrameworkResponseCacheStore<TContext>(IServiceScopeFactory scopes, TimeProvider time) : IResponseCacheStore
    where TContext : DbContext, ICacheDbContext
{
    private ReadCommand? _read;
    private int _writes;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var read = _read ??= ReadCommand.Build(db);
        var database = db.Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = read.Sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, read.KeyParameter, key);
            AddParameter(command, read.NowParameter, Now());
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<byte[]>(0) : null;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The hot read's SQL and parameter names, from the model of the application's context.</summary>
    private sealed record ReadCommand(string Sql, string KeyParameter, string NowParameter)
    {
        public static ReadCommand Build(TContext db)
        {
            var entity = db.Model.FindEntityType(typeof(CachedResponseRecord))
                ?? throw new InvalidOperationException($"{typeof(TContext).Name} does not map {nameof(CachedResponseRecord)}; call modelBuilder.ApplyClinicCaching() in OnModelCreating.");
            var table = entity.GetTableName() ?? throw new InvalidOperationException($"{nameof(CachedResponseRecord)} is not mapped to a table in {typeof(TContext).Name}.");
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
            return new ReadCommand(
                $"SELECT {Column(nameof(CachedResponseRecord.Value))} FROM {sql.DelimitIdentifier(table, entity.GetSchema())} " +
                $"WHERE {Column(nameof(CachedResponseRecord.Key))} = {sql.GenerateParameterNamePlaceholder("key")} " +
                $"AND {Column(nameof(CachedResponseRecord.ExpiresAtUnixMilliseconds))} > {sql.GenerateParameterNamePlaceholder("now")}",
                sql.GenerateParameterName("key"),
                sql.GenerateParameterName("now"));
        }
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
