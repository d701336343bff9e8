using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Profiles.Tests;

/// <summary>Makes the next SaveChanges fail after the files were written, as a lost database connection would.</summary>
internal sealed class FailingSaveInterceptor : SaveChangesInterceptor
{
    public bool FailNext { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("simulated database failure");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
