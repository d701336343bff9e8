using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles;

/// <summary>Maps profiles in the application's model.</summary>
public static class ProfilesModelBuilderExtensions
{
    /// <summary>
    /// Maps <typeparamref name="TProfile"/> to the table <c>ClinicProfiles</c>: keyed by the user's id, one-to-one with
    /// <typeparamref name="TUser"/>, deleted with the user.
    /// </summary>
    /// <typeparam name="TUser">The application's user type.</typeparam>
    /// <typeparam name="TProfile">The profile type, <see cref="ClinicProfile"/> or a type derived from it.</typeparam>
    /// <param name="modelBuilder">The model builder of <c>OnModelCreating</c>.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyClinicProfiles<TUser, TProfile>(this ModelBuilder modelBuilder)
        where TUser : ClinicUser
        where TProfile : ClinicProfile
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<TProfile>(b =>
        {
            b.ToTable("ClinicProfiles");
            b.HasKey(p => p.UserId);
            b.Property(p => p.UserId).HasMaxLength(450);
            b.Property(p => p.PictureName).HasMaxLength(255);
            b.Property(p => p.ThumbnailName).HasMaxLength(255);
            b.HasOne<TUser>().WithOne().HasForeignKey<TProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        return modelBuilder;
    }

    /// <summary>Maps <see cref="ClinicProfile"/> for <typeparamref name="TUser"/>; see <see cref="ApplyClinicProfiles{TUser, TProfile}(ModelBuilder)"/>.</summary>
    /// <typeparam name="TUser">The application's user type.</typeparam>
    /// <param name="modelBuilder">The model builder of <c>OnModelCreating</c>.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyClinicProfiles<TUser>(this ModelBuilder modelBuilder)
        where TUser : ClinicUser =>
        modelBuilder.ApplyClinicProfiles<TUser, ClinicProfile>();
}
