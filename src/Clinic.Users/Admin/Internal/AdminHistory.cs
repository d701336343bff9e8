using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Internal;

/// <summary>Writes and reads <see cref="AdminLogEntry"/> rows; entries are added to the caller's context so they commit with the change.</summary>
internal sealed class AdminHistory
{
    private readonly TimeProvider _time;

    public AdminHistory(TimeProvider time)
    {
        _time = time;
    }

    public void Add(DbContext db, string userId, string contentType, string objectId, string repr, AdminLogAction action, string message) =>
        db.Set<AdminLogEntry>().Add(new AdminLogEntry
        {
            ActionTime = _time.GetUtcNow(),
            UserId = userId,
            ContentType = AdminRepr.Truncate(contentType, 200),
            ObjectId = AdminRepr.Truncate(objectId, 200),
            ObjectRepr = AdminRepr.Truncate(repr, 200),
            Action = action,
            ChangeMessage = message,
        });

    public static Task<List<AdminLogEntry>> ForObjectAsync(DbContext db, string contentType, string objectId, CancellationToken cancellationToken) =>
        db.Set<AdminLogEntry>().AsNoTracking()
            .Where(e => e.ContentType == contentType && e.ObjectId == objectId)
            .OrderBy(e => e.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);

    public static Task<List<AdminLogEntry>> RecentAsync(DbContext db, string userId, int take, CancellationToken cancellationToken) =>
        db.Set<AdminLogEntry>().AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction (through the provider's execution strategy); commits only when it returns <see langword="true"/>.</summary>
    public static Task<bool> InTransactionAsync(DbContext db, Func<Task<bool>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await work())
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }
}
