using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Clinic.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>
/// The user form and the profile form saved together. Everything is validated before anything is written; then the
/// new files are stored, and the user (through the user manager, whose store saves the same context) and the profile
/// are saved in one transaction. The user's concurrency stamp makes a concurrent edit of the same user fail instead
/// of overwriting it.
/// </summary>
internal sealed class EntityFrameworkProfileEditor<TContext, TUser, TProfile>(
    TContext context,
    IProfileService<TProfile> profiles,
    IProfileImageProcessor processor,
    IMediaStorage storage,
    IOptions<ClinicProfilesOptions> options,
    TimeProvider timeProvider,
    ProfilesMetrics metrics,
    IServiceProvider services,
    ILogger<EntityFrameworkProfileEditor<TContext, TUser, TProfile>> logger) : IProfileEditor<TProfile>
    where TContext : DbContext
    where TUser : ClinicUser
    where TProfile : ClinicProfile, new()
{
    public const string SignInAgainMessage = "Sign in again to change your profile.";
    public const string BothPictureChoicesMessage = "Choose a new picture or remove the current one, not both.";
    public const string ConcurrentChangeMessage = "Your profile was changed somewhere else while you were editing it; nothing was saved. Check the values and save again.";

    // Resolved on first use, so that an application using profiles without Clinic.Users' forms still starts.
    private UserManager<TUser>? _users;

    public async Task<bool> LoadAsync(ClaimsPrincipal principal, UserChangeViewModel userForm, ProfileForm<TProfile> profileForm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(userForm);
        ArgumentNullException.ThrowIfNull(profileForm);
        var user = await FindUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        userForm.Email = user.Email ?? string.Empty;
        userForm.FirstName = user.FirstName;
        userForm.LastName = user.LastName;
        var profile = await profiles.GetOrCreateAsync(user.Id, cancellationToken);
        profileForm.LoadFrom(profile);
        ShowPicture(profileForm, profile);
        return true;
    }

    public async Task<ProfileEditResult> SaveAsync(ClaimsPrincipal principal, UserChangeViewModel userForm, ProfileForm<TProfile> profileForm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(userForm);
        ArgumentNullException.ThrowIfNull(profileForm);
        var user = await FindUserAsync(principal);
        if (user is null)
        {
            return Rejected([new ProfileEditError(ProfileEditForm.Page, string.Empty, SignInAgainMessage)]);
        }

        var existing = await context.Set<TProfile>().FirstOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        var profile = existing ?? new TProfile { UserId = user.Id };

        // Validate everything first, so that every error of both forms is reported at once.
        var errors = new List<ProfileEditError>();
        Validate(userForm, ProfileEditForm.User, errors);
        Validate(profileForm, ProfileEditForm.Profile, errors);
        var image = await ProcessPictureAsync(profileForm, errors, cancellationToken);
        var emailChanged = false;
        if (!errors.Any(e => e.Form == ProfileEditForm.User))
        {
            emailChanged = Apply(userForm, user);
            await ValidateUserAsync(user, errors);
        }

        if (errors.Count > 0)
        {
            Discard(context.Entry(user));
            ShowPicture(profileForm, existing);
            return Rejected(errors);
        }

        var (oldPicture, oldThumbnail) = (profile.PictureName, profile.ThumbnailName);
        string? picture = null, thumbnail = null;
        var ownTransaction = context.Database.CurrentTransaction is null;
        IDbContextTransaction? transaction = null;
        try
        {
            if (image is not null)
            {
                var directory = options.Value.PictureDirectory;
                picture = await storage.SaveAsync(directory, image.Picture.Extension, image.Picture.Content, cancellationToken);
                metrics.FilesSaved.Add(1);
                thumbnail = await storage.SaveAsync(directory, image.Thumbnail.Extension, image.Thumbnail.Content, cancellationToken);
                metrics.FilesSaved.Add(1);
            }

            profileForm.ApplyTo(profile);
            profile.UserId = user.Id;
            if (image is not null || (profileForm.RemovePicture && (oldPicture ?? oldThumbnail) is not null))
            {
                profile.PictureName = picture;
                profile.ThumbnailName = thumbnail;
                profile.PictureUpdated = timeProvider.GetUtcNow();
            }

            if (existing is null)
            {
                context.Add(profile);
            }

            if (ownTransaction)
            {
                transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            }

            // The user store saves the whole context: the user and the profile go in one SaveChanges.
            var saved = emailChanged ? await Users.UpdateSecurityStampAsync(user) : await Users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                await UndoAsync(transaction, user, profile, existing is null, picture, thumbnail);
                ShowPicture(profileForm, existing);
                return Rejected([.. UserErrors(saved.Errors)]);
            }

            await context.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException) when (existing is null)
        {
            // The profile was created concurrently (the signal, another request): the other change wins.
            await UndoAsync(transaction, user, profile, profileIsNew: true, picture, thumbnail);
            ShowPicture(profileForm, null);
            return Rejected([new ProfileEditError(ProfileEditForm.Page, string.Empty, ConcurrentChangeMessage)]);
        }
        catch
        {
            await UndoAsync(transaction, user, profile, existing is null, picture, thumbnail);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        if (image is not null || profileForm.RemovePicture)
        {
            await MediaFiles.DeleteAfterCommitAsync(context, storage, metrics, logger, oldPicture, oldThumbnail);
        }

        if (emailChanged)
        {
            await KeepThisSessionAsync(user);
        }

        profileForm.Picture = null;
        profileForm.RemovePicture = false;
        ShowPicture(profileForm, profile);
        metrics.FormsSaved.Add(1);
        ProfilesLog.ProfileFormSaved(logger, user.Id);
        return ProfileEditResult.Success;
    }

    private UserManager<TUser> Users => _users ??= services.GetService<UserManager<TUser>>()
        ?? throw new InvalidOperationException(
            $"IProfileEditor saves the user through ASP.NET Core Identity's UserManager<{typeof(TUser).Name}>: call services.AddClinicUsers<{typeof(TUser).Name}, {typeof(TContext).Name}>() as well.");

    private async Task<TUser?> FindUserAsync(ClaimsPrincipal principal)
    {
        var userId = Users.GetUserId(principal);
        return string.IsNullOrEmpty(userId) ? null : await Users.FindByIdAsync(userId);
    }

    private void Validate(object form, ProfileEditForm which, List<ProfileEditError> errors)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(form, new ValidationContext(form, services, items: null), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            var message = result.ErrorMessage ?? "This value is not valid.";
            var fields = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            errors.AddRange(fields.Select(field => new ProfileEditError(which, field, message)));
        }
    }

    private async Task<ProcessedProfileImage?> ProcessPictureAsync(ProfileFormBase form, List<ProfileEditError> errors, CancellationToken cancellationToken)
    {
        if (form.Picture is not { } file)
        {
            return null;
        }

        if (form.RemovePicture)
        {
            errors.Add(new ProfileEditError(ProfileEditForm.Profile, nameof(ProfileFormBase.Picture), BothPictureChoicesMessage));
            return null;
        }

        try
        {
            await using var stream = file.OpenReadStream();
            return await processor.ProcessAsync(stream, cancellationToken);
        }
        catch (ProfileImageRejectedException rejected)
        {
            errors.Add(new ProfileEditError(ProfileEditForm.Profile, nameof(ProfileFormBase.Picture), rejected.Message));
            return null;
        }
    }

    /// <summary>Copies the user form onto the user as Clinic.Users' <c>ChangeUserAsync</c> does; returns whether the address changed.</summary>
    private static bool Apply(UserChangeViewModel form, TUser user)
    {
        var email = ClinicUserEmail.Normalize(form.Email);
        var emailChanged = !string.Equals(email, user.Email, StringComparison.Ordinal);
        user.FirstName = form.FirstName?.Trim() ?? string.Empty;
        user.LastName = form.LastName?.Trim() ?? string.Empty;
        if (emailChanged)
        {
            user.UserName = email;
            user.Email = email;
        }

        return emailChanged;
    }

    private async Task ValidateUserAsync(TUser user, List<ProfileEditError> errors)
    {
        foreach (var validator in Users.UserValidators)
        {
            var result = await validator.ValidateAsync(Users, user);
            errors.AddRange(UserErrors(result.Errors));
        }
    }

    /// <summary>Identity's errors on the user form: the address (which is also the user name) or the page.</summary>
    private static IEnumerable<ProfileEditError> UserErrors(IEnumerable<IdentityError> identityErrors)
    {
        var list = identityErrors.ToList();

        // The address is the user name too: "user name taken" would repeat "address taken".
        var hasEmailError = list.Any(e => e.Code.Contains("Email", StringComparison.Ordinal));
        foreach (var error in list)
        {
            if (error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            {
                yield return new ProfileEditError(ProfileEditForm.Page, string.Empty, ConcurrentChangeMessage);
            }
            else if (error.Code.Contains("Email", StringComparison.Ordinal))
            {
                yield return new ProfileEditError(ProfileEditForm.User, nameof(UserChangeViewModel.Email), error.Description);
            }
            else if (error.Code.Contains("UserName", StringComparison.Ordinal))
            {
                if (!hasEmailError)
                {
                    yield return new ProfileEditError(ProfileEditForm.User, nameof(UserChangeViewModel.Email), error.Description);
                }
            }
            else
            {
                yield return new ProfileEditError(ProfileEditForm.User, string.Empty, error.Description);
            }
        }
    }

    /// <summary>Rolls back, puts the tracked user and profile back as stored, and removes the files nothing refers to.</summary>
    private async Task UndoAsync(IDbContextTransaction? transaction, TUser user, TProfile profile, bool profileIsNew, string? picture, string? thumbnail)
    {
        if (transaction is not null)
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
            {
                // The connection is gone: the database rolls the transaction back itself.
                ProfilesLog.RollbackFailed(logger, exception);
            }
        }

        await RevertAsync(context.Entry(user));
        if (profileIsNew)
        {
            context.Entry(profile).State = EntityState.Detached;
        }
        else
        {
            await RevertAsync(context.Entry(profile));
        }

        await MediaFiles.DeleteQuietlyAsync(storage, metrics, logger, picture);
        await MediaFiles.DeleteQuietlyAsync(storage, metrics, logger, thumbnail);
    }

    /// <summary>Back to the stored values, so that a later <c>SaveChanges</c> of the same context cannot save half an edit.</summary>
    private static async Task RevertAsync(EntityEntry entry)
    {
        if (entry.State == EntityState.Detached)
        {
            return;
        }

        try
        {
            // A SaveChanges that succeeded before the rollback has accepted the new values as the original ones.
            await entry.ReloadAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            entry.State = EntityState.Detached;
        }
    }

    private static void Discard(EntityEntry entry)
    {
        if (entry.State is EntityState.Modified or EntityState.Unchanged)
        {
            entry.CurrentValues.SetValues(entry.OriginalValues);
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>A new address changed the security stamp; re-issue this session's cookie so that only the others end.</summary>
    private async Task KeepThisSessionAsync(TUser user)
    {
        if (services.GetService<IHttpContextAccessor>()?.HttpContext is not null
            && services.GetService<SignInManager<TUser>>() is { } signIn)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private void ShowPicture(ProfileFormBase form, TProfile? profile)
    {
        form.PictureUrl = profiles.GetPictureUrl(profile);
        form.ThumbnailUrl = profiles.GetThumbnailUrl(profile);
        form.HasPicture = profile?.PictureName is not null;
    }

    private ProfileEditResult Rejected(List<ProfileEditError> errors)
    {
        metrics.FormsRejected.Add(1);
        ProfilesLog.ProfileFormRejected(logger, errors.Count);
        return ProfileEditResult.Failed(errors);
    }
}
