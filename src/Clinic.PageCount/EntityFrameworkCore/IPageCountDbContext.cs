using Microsoft.EntityFrameworkCore;

namespace Clinic.PageCount;

/// <summary>Implemented by the application's <see cref="DbContext"/> that stores page counts.</summary>
public interface IPageCountDbContext
{
    /// <summary>One row per page. Map it with <c>modelBuilder.ApplyClinicPageCount()</c>.</summary>
    DbSet<PageCounter> PageCounts { get; }
}
