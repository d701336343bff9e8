using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>Profiles in the application's context; files written before the row, deleted after the commit.</summary>
internal sealed class EntityFrameworkProfileService<TContext, TUser, TProfile>(
    TContext context,
    IProfileImageProcessor processor,
    IMediaStorage storage,
    IOptions<ClinicProfilesOptions> options,
    TimeProvider timeProvider,
    ProfilesMetrics metrics,
    ILogger<EntityFrameworkProfileService<TContext, TUser, TProfile>> logger) : IProfileService<TProfile>, IProfileOrphanRemover
    where TContext : DbContext
    where TUser : ClinicUser
    where TProfile : ClinicProfile, new()
{
    private DbSet<TProfile> Profiles => context.Set<TProfile>();

    public async Task<TProfile> GetOrCreateAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var profile = await Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }

        if (!await context.Set<TUser>().AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new KeyNotFoundException("No user has the given id; a profile belongs to an existing user.");
        }

        profile = new TProfile { UserId = userId };
        Profiles.Add(profile);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created concurrently (another request, or the creation signal): use that one.
            context.Entry(profile).State = EntityState.Detached;
            return await Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken)
                ?? throw new InvalidOperationException("The profile could not be created and does not exist.");
        }

        metrics.ProfilesCreated.Add(1);
        ProfilesLog.ProfileCreated(logger, userId);
        return profile;
    }

    public async Task<TProfile> SetPictureAsync(string userId, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var image = await processor.ProcessAsync(content, cancellationToken);
        var profile = await GetOrCreateAsync(userId, cancellationToken);
        var directory = options.Value.PictureDirectory;
        string? picture = null, thumbnail = null;
        var (oldPicture, oldThumbnail, oldUpdated) = (profile.PictureName, profile.ThumbnailName, profile.PictureUpdated);
        try
        {
            picture = await storage.SaveAsync(directory, image.Picture.Extension, image.Picture.Content, cancellationToken);
            metrics.FilesSaved.Add(1);
            thumbnail = await storage.SaveAsync(directory, image.Thumbnail.Extension, image.Thumbnail.Content, cancellationToken);
            metrics.FilesSaved.Add(1);
            profile.PictureName = picture;
            profile.ThumbnailName = thumbnail;
            profile.PictureUpdated = timeProvider.GetUtcNow();
            await context.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing refers to the new files: put the profile back and remove them.
            Restore(profile, oldPicture, oldThumbnail, oldUpdated);
            await MediaFiles.DeleteQuietlyAsync(storage, metrics, logger, picture);
            await MediaFiles.DeleteQuietlyAsync(storage, metrics, logger, thumbnail);
            throw;
        }

        await MediaFiles.DeleteAfterCommitAsync(context, storage, metrics, logger, oldPicture, oldThumbnail);
        return profile;
    }

    public async Task<TProfile> RemovePictureAsync(string userId, CancellationToken cancellationToken = default)
    {
        var profile = await GetOrCreateAsync(userId, cancellationToken);
        var (oldPicture, oldThumbnail, oldUpdated) = (profile.PictureName, profile.ThumbnailName, profile.PictureUpdated);
        if (oldPicture is null && oldThumbnail is null)
        {
            return profile;
        }

        profile.PictureName = null;
        profile.ThumbnailName = null;
        profile.PictureUpdated = timeProvider.GetUtcNow();
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            Restore(profile, oldPicture, oldThumbnail, oldUpdated);
            throw;
        }

        await MediaFiles.DeleteAfterCommitAsync(context, storage, metrics, logger, oldPicture, oldThumbnail);
        return profile;
    }

    public string GetPictureUrl(TProfile? profile) =>
        profile?.PictureName is { } name ? storage.GetUrl(name) : DefaultAvatarUrl();

    public string GetThumbnailUrl(TProfile? profile) =>
        profile?.ThumbnailName is { } name ? storage.GetUrl(name) : DefaultAvatarUrl();

    public async Task<int> RemoveOrphansAsync(TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumAge, TimeSpan.Zero);
        var cutoff = timeProvider.GetUtcNow() - minimumAge;

        // References are read before listing: a file written after this point is younger than the cutoff.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Profiles.AsNoTracking()
            .Where(p => p.PictureName != null || p.ThumbnailName != null)
            .Select(p => new { p.PictureName, p.ThumbnailName })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (row.PictureName is not null)
            {
                referenced.Add(row.PictureName);
            }

            if (row.ThumbnailName is not null)
            {
                referenced.Add(row.ThumbnailName);
            }
        }

        var removed = 0;
        await foreach (var file in storage.ListAsync(options.Value.PictureDirectory, cancellationToken))
        {
            if (file.LastModified <= cutoff && !referenced.Contains(file.Name)
                && await storage.DeleteAsync(file.Name, cancellationToken))
            {
                removed++;
                metrics.OrphansRemoved.Add(1);
                ProfilesLog.OrphanRemoved(logger, file.Name);
            }
        }

        return removed;
    }

    private void Restore(TProfile profile, string? picture, string? thumbnail, DateTimeOffset? updated)
    {
        var entry = context.Entry(profile);
        if (entry.State == EntityState.Detached)
        {
            return;
        }

        profile.PictureName = picture;
        profile.ThumbnailName = thumbnail;
        profile.PictureUpdated = updated;
        if (entry.State == EntityState.Modified)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    private string DefaultAvatarUrl() => MediaNames.ToUrl(options.Value.MediaUrl, ClinicProfilesDefaults.DefaultAvatarName);
}
