using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount.Internal;

/// <summary>
/// The EF Core store. A batch is written in one transaction as multi-row <c>INSERT ... ON CONFLICT (page) DO UPDATE
/// SET views = t.views + excluded.views</c> statements: each page's row is created or incremented atomically by the
/// database, so any number of instances add up exactly (SQLite 3.24+ and PostgreSQL 9.5+ share this syntax).
/// </summary>
internal sealed class EntityFrameworkPageCountStore<TContext> : IPageCountStore
    where TContext : DbContext, IPageCountDbContext
{
    private const int RowsPerStatement = 300;
    private readonly IServiceScopeFactory _scopes;
    private Names? _names;

    public EntityFrameworkPageCountStore(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task IncrementAsync(IReadOnlyList<PageCountDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        if (deltas.Count == 0)
        {
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var n = NamesOf(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < deltas.Count; start += RowsPerStatement)
                {
                    var rows = Math.Min(RowsPerStatement, deltas.Count - start);
                    // Full chunks reuse one command (SQL text and parameters built once, statement prepared once).
                    var command = rows == RowsPerStatement ? full ??= UpsertCommand(connection, n, rows) : UpsertCommand(connection, n, rows);
                    command.Transaction = transaction.GetDbTransaction();
                    for (var i = 0; i < rows; i++)
                    {
                        var delta = deltas[start + i];
                        command.Parameters[i * 3].Value = delta.Page;
                        command.Parameters[(i * 3) + 1].Value = delta.Views;
                        command.Parameters[(i * 3) + 2].Value = delta.BotViews;
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                    if (!ReferenceEquals(command, full))
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand UpsertCommand(DbConnection connection, Names n, int rows)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder(128 + (rows * 24));
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {n.Counts} AS t ({n.Page}, {n.Views}, {n.BotViews}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@p{i * 3}, @p{(i * 3) + 1}, @p{(i * 3) + 2})");
            AddParameter(command, i * 3, DbType.String);
            AddParameter(command, (i * 3) + 1, DbType.Int64);
            AddParameter(command, (i * 3) + 2, DbType.Int64);
        }

        sql.Append(CultureInfo.InvariantCulture,
            $" ON CONFLICT ({n.Page}) DO UPDATE SET {n.Views} = t.{n.Views} + excluded.{n.Views}, {n.BotViews} = t.{n.BotViews} + excluded.{n.BotViews}");
#pragma warning disable CA2100 // Identifiers come from the EF model, delimited by the provider; values are parameters.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        return command;
    }

    private static void AddParameter(DbCommand command, int index, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + index.ToString(CultureInfo.InvariantCulture);
        parameter.DbType = type;
        command.Parameters.Add(parameter);
    }

    public async Task<PageCountSnapshot?> GetAsync(string page, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var row = await db.PageCounts.AsNoTracking().Where(p => p.Page == page).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new PageCountSnapshot(row.Page, row.Views, row.BotViews);
    }

    public async Task<IReadOnlyList<PageCountSnapshot>> GetTopAsync(int count, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var rows = await db.PageCounts.AsNoTracking()
            .OrderByDescending(p => p.Views).ThenBy(p => p.Page)
            .Take(count)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PageCountSnapshot(r.Page, r.Views, r.BotViews))];
    }

    public async Task AddVisitsAsync(IReadOnlyList<PageVisit> visits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visits);
        if (visits.Count == 0)
        {
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var n = NamesOf(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < visits.Count; start += RowsPerStatement)
        {
            var end = Math.Min(visits.Count, start + RowsPerStatement);
            var sql = new StringBuilder(128 + ((end - start) * 24));
            var args = new object[(end - start) * 3];
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {n.Visitors} ({n.VisitorPage}, {n.VisitorDay}, {n.Visitor}) VALUES ");
            for (var i = start; i < end; i++)
            {
                var a = (i - start) * 3;
                sql.Append(CultureInfo.InvariantCulture, $"{(i == start ? "" : ", ")}({{{a}}}, {{{a + 1}}}, {{{a + 2}}})");
                args[a] = visits[i].Page;
                args[a + 1] = visits[i].Day;
                args[a + 2] = visits[i].Visitor;
            }

            sql.Append(" ON CONFLICT DO NOTHING");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> CountVisitorsAsync(string page, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Set<PageVisitor>().LongCountAsync(v => v.Page == page && v.Day == day, cancellationToken);
    }

    private Names NamesOf(TContext db) => _names ??= Names.From(db);

    /// <summary>Delimited table and column names, read from the application's model (schema and names as mapped).</summary>
    private sealed record Names(string Counts, string Page, string Views, string BotViews, string Visitors, string VisitorPage, string VisitorDay, string Visitor)
    {
        public static Names From(DbContext db)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var counts = Entity(db, typeof(PageCounter));
            var visitors = Entity(db, typeof(PageVisitor));
            var countsTable = StoreObjectIdentifier.Table(counts.GetTableName()!, counts.GetSchema());
            var visitorsTable = StoreObjectIdentifier.Table(visitors.GetTableName()!, visitors.GetSchema());
            string Column(IEntityType e, StoreObjectIdentifier table, string property) =>
                sql.DelimitIdentifier(e.FindProperty(property)!.GetColumnName(table)!);
            return new Names(
                sql.DelimitIdentifier(countsTable.Name, countsTable.Schema),
                Column(counts, countsTable, nameof(PageCounter.Page)),
                Column(counts, countsTable, nameof(PageCounter.Views)),
                Column(counts, countsTable, nameof(PageCounter.BotViews)),
                sql.DelimitIdentifier(visitorsTable.Name, visitorsTable.Schema),
                Column(visitors, visitorsTable, nameof(PageVisitor.Page)),
                Column(visitors, visitorsTable, nameof(PageVisitor.Day)),
                Column(visitors, visitorsTable, nameof(PageVisitor.Visitor)));
        }

        private static IEntityType Entity(DbContext db, Type type) =>
            db.Model.FindEntityType(type) ?? throw new InvalidOperationException(
                $"{db.GetType().Name} does not map {type.Name}. Call modelBuilder.ApplyClinicPageCount() in its OnModelCreating.");
    }
}
