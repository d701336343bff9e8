using Clinic.CookiesSessions.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.CookiesSessions.EntityFrameworkCore;

/// <summary>
/// Sessions in the application's database through its own <typeparamref name="TContext"/>. A scope (and so a
/// context) per operation; reads without tracking; updates and deletes as single statements.
/// </summary>
/// <typeparam name="TContext">The application's context.</typeparam>
internal sealed class EntityFrameworkSessionStore<TContext> : IClinicSessionStore
    where TContext : DbContext, ISessionDbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;

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
        await context.Sessions.Where(r => r.Key == key && r.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        context.Sessions.Add(new SessionRecord { Key = record.Key, Data = record.Data, ExpiresUtc = Utc(record.ExpiresUtc) });
        try
        {
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
        var rows = await context.Sessions
            .Where(r => r.Key == key && r.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Data, data).SetProperty(r => r.ExpiresUtc, expires), cancellationToken);
        return rows > 0;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Sessions.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Sessions.Where(r => r.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
