using Microsoft.EntityFrameworkCore;

namespace Clinic.PageCount.Tests;

/// <summary>An application context as an app would write it, plus the naive counter used as the CNT-01 control.</summary>
public sealed class PageCountTestDbContext(DbContextOptions<PageCountTestDbContext> options) : DbContext(options), IPageCountDbContext
{
    public DbSet<PageCounter> PageCounts => Set<PageCounter>();

    public DbSet<NaiveCounter> NaiveCounters => Set<NaiveCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyClinicPageCount();
        modelBuilder.Entity<NaiveCounter>().ToTable("naive_counters");
    }
}

/// <summary>A counter incremented the naive way: read the row, add one, save.</summary>
public sealed class NaiveCounter
{
    public int Id { get; set; }

    public long N { get; set; }
}
