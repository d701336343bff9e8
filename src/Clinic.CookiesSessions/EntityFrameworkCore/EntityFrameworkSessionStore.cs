using Clinic.CookiesSessions.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.CookiesSessions.EntityFrameworkCore;

/// <summary>
/// Sessions in the application's database through its own <typeparamref name="TContext"/>. A scope (and so a
/// context) per operation; reads without tracking; updates and deletes as single statements. On SQLite, which allows
/// one writer at a time, this process's writes queue on an async gate: without it, concurrent writers meet
/// SQLITE_BUSY and Microsoft.Data.Sqlite retries by sleeping a thread-pool thread (150 ms a time).
/// </summary>
/// <typeparam name="TContext">The application's context.</typeparam>
internal sealed class EntityFrameworkSessionStore<TContext> : IClinicSessionStore, IDisposable
    where TContext : DbContext, ISessionDbContext
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sqliteWriteGate = new(1, 1);

    public EntityFrameworkSessionStore(IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
    }

    public async Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        var now = Now();
        await using var scope = _scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        return await context.Sessions.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.ExpiresUtc > now, cancellationToken);
    }

    public async Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        SessionKeys.Validate(record.Key);
        var now = Now();
        await using var scope = _scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();

        // An expired record must not block its key.
        var key = record.Key;
        var gated = await EnterWriteAsync(context, cancellationToken);
        try
        {
            await context.Sessions.Where(r => r.Key == key && r.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
            context.Sessions.Add(new SessionRecord { Key = record.Key, Data = record.Data, ExpiresUtc = Utc(record.ExpiresUtc) });
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A duplicate key means "taken"; anything else (an outage) is the caller's error to see.
            await using var check = _scopes.CreateAsyncScope();
            if (await check.ServiceProvider.GetRequiredService<TContext>().Sessions.AnyAsync(r => r.Key == key, cancellationToken))
            {
                return false;
            }

            throw;
        }
        finally
        {
            ExitWrite(gated);
        }
    }

    public async Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        SessionKeys.Validate(record.Key);
        var now = Now();
        var key = record.Key;
        var data = record.Data;
        var expires = Utc(record.ExpiresUtc);
        await using var scope = _scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var gated = await EnterWriteAsync(context, cancellationToken);
        try
        {
            var rows = await context.Sessions
                .Where(r => r.Key == key && r.ExpiresUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Data, data).SetProperty(r => r.ExpiresUtc, expires), cancellationToken);
            return rows > 0;
        }
        finally
        {
            ExitWrite(gated);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        await using var scope = _scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var gated = await EnterWriteAsync(context, cancellationToken);
        try
        {
            await context.Sessions.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            ExitWrite(gated);
        }
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await using var scope = _scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var gated = await EnterWriteAsync(context, cancellationToken);
        try
        {
            return await context.Sessions.Where(r => r.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            ExitWrite(gated);
        }
    }

    /// <summary>Waits for the write gate when the provider is SQLite; returns whether it was taken.</summary>
    private async ValueTask<bool> EnterWriteAsync(TContext context, CancellationToken cancellationToken)
    {
        if (context.Database.ProviderName != SqliteProvider)
        {
            return false;
        }

        await _sqliteWriteGate.WaitAsync(cancellationToken);
        return true;
    }

    public void Dispose() => _sqliteWriteGate.Dispose();

    private void ExitWrite(bool gated)
    {
        if (gated)
        {
            _sqliteWriteGate.Release();
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
