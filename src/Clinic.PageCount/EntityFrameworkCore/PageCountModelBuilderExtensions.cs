using Microsoft.EntityFrameworkCore;

namespace Clinic.PageCount;

/// <summary>Maps the page-count entities into the application's model.</summary>
public static class PageCountModelBuilderExtensions
{
    /// <summary>Maps <see cref="PageCounter"/> to <c>clinic_page_counts</c> and <see cref="PageVisitor"/> to <c>clinic_page_visitors</c>.</summary>
    public static ModelBuilder ApplyClinicPageCount(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PageCounter>(e =>
        {
            e.ToTable("clinic_page_counts");
            e.HasKey(p => p.Page);
            e.Property(p => p.Page).HasColumnName("page").HasMaxLength(2048);
            e.Property(p => p.Views).HasColumnName("views");
            e.Property(p => p.BotViews).HasColumnName("bot_views");
        });
        modelBuilder.Entity<PageVisitor>(e =>
        {
            e.ToTable("clinic_page_visitors");
            e.HasKey(v => new { v.Page, v.Day, v.Visitor });
            e.Property(v => v.Page).HasColumnName("page").HasMaxLength(2048);
            e.Property(v => v.Day).HasColumnName("day");
            e.Property(v => v.Visitor).HasColumnName("visitor").HasMaxLength(32);
        });
        return modelBuilder;
    }
}
