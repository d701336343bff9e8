using Microsoft.EntityFrameworkCore;

namespace Clinic.CookiesSessions;

/// <summary>The EF Core mapping of <see cref="SessionRecord"/>.</summary>
public static class SessionsModelBuilderExtensions
{
    /// <summary>The table name: <c>clinic_sessions</c>.</summary>
    public const string TableName = "clinic_sessions";

    /// <summary>Maps <see cref="SessionRecord"/> to <see cref="TableName"/>: key (64 chars) as primary key, an index on the expiry.</summary>
    /// <param name="modelBuilder">The model builder of the application's context.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder ApplyClinicSessions(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SessionRecord>(entity =>
        {
            entity.ToTable(TableName);
            entity.HasKey(r => r.Key);
            entity.Property(r => r.Key).HasMaxLength(64).IsRequired();
            entity.Property(r => r.Data).IsRequired();
            entity.HasIndex(r => r.ExpiresUtc);
        });
        return modelBuilder;
    }
}
