using Clinic.Users.Internal;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>
/// Identity's user manager with Clinic's rules: e-mail normalised as Django does and used as the user name, the date
/// joined stamped, default groups on creation, group and permission management, and session state invalidated on
/// every update so deactivation, deletion and password changes end other sessions on their next request.
/// </summary>
/// <typeparam name="TUser">The application's user type.</typeparam>
public class ClinicUserManager<TUser> : UserManager<TUser>
    where TUser : ClinicUser
{
    private readonly IUsersData _data;
    private readonly SessionStateCache _sessions;
    private readonly TimeProvider _time;
    private readonly IOptions<ClinicUsersOptions> _clinicOptions;
    private readonly UsersEvents _events;
    private readonly IServiceProvider _services;

    /// <summary>Created by dependency injection.</summary>
    /// <param name="store">The user store.</param>
    /// <param name="optionsAccessor">Identity's options.</param>
    /// <param name="passwordHasher">The password hasher.</param>
    /// <param name="userValidators">User validators.</param>
    /// <param name="passwordValidators">Password validators.</param>
    /// <param name="keyNormalizer">The key normaliser.</param>
    /// <param name="errors">The error describer.</param>
    /// <param name="services">The scope's services.</param>
    /// <param name="logger">The logger.</param>
    public ClinicUserManager(
        IUserStore<TUser> store,
        IOptions<IdentityOptions> optionsAccessor,
        IPasswordHasher<TUser> passwordHasher,
        IEnumerable<IUserValidator<TUser>> userValidators,
        IEnumerable<IPasswordValidator<TUser>> passwordValidators,
        ILookupNormalizer keyNormalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        ILogger<UserManager<TUser>> logger)
        : base(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        _data = (IUsersData)services.GetService(typeof(IUsersData))!;
        _sessions = (SessionStateCache)services.GetService(typeof(SessionStateCache))!;
        _time = (TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        _clinicOptions = (IOptions<ClinicUsersOptions>)services.GetService(typeof(IOptions<ClinicUsersOptions>))!;
        _events = (UsersEvents)services.GetService(typeof(UsersEvents))!;
        _services = services;
    }

    /// <inheritdoc/>
    public override async Task<IdentityResult> CreateAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = ClinicUserEmail.Normalize(user.Email ?? user.UserName);
        user.Email = email;
        user.UserName = email;
        if (user.DateJoined == default)
        {
            user.DateJoined = _time.GetUtcNow();
        }

        var result = await base.CreateAsync(user);
        if (!result.Succeeded)
        {
            return result;
        }

        foreach (var group in _clinicOptions.Value.DefaultGroups)
        {
            if (!await _data.AddToGroupAsync(user.Id, group, CancellationToken))
            {
                Logger.DefaultGroupMissing(group);
            }
        }

        await _events.UserCreatedAsync(this, _services, user, CancellationToken);

        return result;
    }

    /// <summary>
    /// Creates an active staff superuser (Django's <c>create_superuser</c>): the address is normalised, the password
    /// goes through every password validator, default groups and the user-created signal apply as for any user.
    /// </summary>
    /// <param name="email">The e-mail address (the login name).</param>
    /// <param name="password">The password.</param>
    /// <param name="configure">Sets further fields of the new user (names, the app's own fields) before it is saved.</param>
    /// <returns>The result; on failure nothing is created and the errors say why (for example a too-common password).</returns>
    public Task<IdentityResult> CreateSuperuserAsync(string email, string password, Action<TUser>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(password);
        var user = Activator.CreateInstance<TUser>();
        user.Email = email;
        configure?.Invoke(user);
        user.IsActive = true;
        user.IsStaff = true;
        user.IsSuperuser = true;
        return CreateAsync(user, password);
    }

    /// <inheritdoc/>
    public override Task<TUser?> FindByEmailAsync(string email) => base.FindByEmailAsync(ClinicUserEmail.Normalize(email));

    /// <inheritdoc/>
    public override Task<TUser?> FindByNameAsync(string userName) => base.FindByNameAsync(ClinicUserEmail.Normalize(userName));

    /// <inheritdoc/>
    public override async Task<IdentityResult> DeleteAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.DeleteAsync(user);
        await _sessions.InvalidateAsync(user.Id, CancellationToken);
        return result;
    }

    /// <summary>
    /// Ends every session of the user on its next request (new security stamp), as done on deactivation and by
    /// Django's password change; the caller's own session can be kept with <c>SignInManager.RefreshSignInAsync</c>.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <returns>The result of the update.</returns>
    public Task<IdentityResult> EndSessionsAsync(TUser user) => UpdateSecurityStampAsync(user);

    /// <summary>Sets <see cref="ClinicUser.IsActive"/> to <see langword="false"/> and ends every session of the user.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The result of the update.</returns>
    public Task<IdentityResult> DeactivateAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.IsActive = false;
        return UpdateSecurityStampAsync(user);
    }

    /// <summary>Adds the user to an existing group by name; effective from the user's next request.</summary>
    /// <param name="user">The user.</param>
    /// <param name="groupName">The group's name.</param>
    /// <returns><see langword="false"/> when no group has that name.</returns>
    public Task<bool> AddToGroupAsync(TUser user, string groupName)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groupName);
        return _data.AddToGroupAsync(user.Id, groupName, CancellationToken);
    }

    /// <summary>Removes the user from a group by name; effective from the user's next request.</summary>
    /// <param name="user">The user.</param>
    /// <param name="groupName">The group's name.</param>
    /// <returns>Whether the user was a member.</returns>
    public Task<bool> RemoveFromGroupAsync(TUser user, string groupName)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groupName);
        return _data.RemoveFromGroupAsync(user.Id, groupName, CancellationToken);
    }

    /// <summary>Grants an existing permission (<c>"app_label.codename"</c>) to the user directly.</summary>
    /// <param name="user">The user.</param>
    /// <param name="permission">The permission.</param>
    /// <returns><see langword="false"/> when the string is malformed or no such permission exists.</returns>
    public Task<bool> AddPermissionAsync(TUser user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!PermissionName.IsWellFormed(permission))
        {
            return Task.FromResult(false);
        }

        var dot = permission.IndexOf('.', StringComparison.Ordinal);
        return _data.AddPermissionAsync(user.Id, permission[..dot], permission[(dot + 1)..], CancellationToken);
    }

    /// <summary>Withdraws a permission granted to the user directly.</summary>
    /// <param name="user">The user.</param>
    /// <param name="permission">The permission, <c>"app_label.codename"</c>.</param>
    /// <returns>Whether the user held it directly.</returns>
    public Task<bool> RemovePermissionAsync(TUser user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!PermissionName.IsWellFormed(permission))
        {
            return Task.FromResult(false);
        }

        var dot = permission.IndexOf('.', StringComparison.Ordinal);
        return _data.RemovePermissionAsync(user.Id, permission[..dot], permission[(dot + 1)..], CancellationToken);
    }

    /// <summary>
    /// Whether the user is locked out now, with "now" from the <see cref="TimeProvider"/> in dependency injection
    /// (Identity's own check reads the system clock), so lockout expiry follows the app's clock.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> while the lockout end lies in the future.</returns>
    public override async Task<bool> IsLockedOutAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (!SupportsUserLockout || !await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        var end = await GetLockoutEndDateAsync(user);
        return end >= _time.GetUtcNow();
    }

    /// <summary>
    /// Counts a failed access; at <c>LockoutOptions.MaxFailedAccessAttempts</c> the user is locked out for
    /// <c>LockoutOptions.DefaultLockoutTimeSpan</c> from the <see cref="TimeProvider"/>'s now and the count starts
    /// again (Identity's rule, on the app's clock).
    /// </summary>
    /// <param name="user">The user.</param>
    /// <returns>The result of the update.</returns>
    public override async Task<IdentityResult> AccessFailedAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (Store is not IUserLockoutStore<TUser> lockout)
        {
            throw new NotSupportedException("The user store does not implement IUserLockoutStore<TUser>.");
        }

        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, _time.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan, CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    /// <summary>
    /// A password-reset token that, as Django's, also dies when the user signs in or the e-mail address changes (on
    /// top of Identity's rules: the security stamp, so a password change, and the token lifespan).
    /// </summary>
    /// <param name="user">The user.</param>
    /// <returns>The token.</returns>
    public override Task<string> GeneratePasswordResetTokenAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return GenerateUserTokenAsync(user, Options.Tokens.PasswordResetTokenProvider, ResetPurpose(user));
    }

    /// <summary>Sets a new password with a token from <see cref="GeneratePasswordResetTokenAsync"/>; validators run.</summary>
    /// <param name="user">The user.</param>
    /// <param name="token">The token.</param>
    /// <param name="newPassword">The new password.</param>
    /// <returns>The result; Identity's <c>InvalidToken</c> error for a bad, used or expired token.</returns>
    public override async Task<IdentityResult> ResetPasswordAsync(TUser user, string token, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (!await VerifyUserTokenAsync(user, Options.Tokens.PasswordResetTokenProvider, ResetPurpose(user), token))
        {
            return IdentityResult.Failed(ErrorDescriber.InvalidToken());
        }

        var result = await UpdatePasswordHash(user, newPassword, validatePassword: true);
        return result.Succeeded ? await UpdateUserAsync(user) : result;
    }

    /// <inheritdoc/>
    protected override async Task<IdentityResult> UpdateUserAsync(TUser user)
    {
        var result = await base.UpdateUserAsync(user);
        await _sessions.InvalidateAsync(user.Id, CancellationToken);
        return result;
    }

    /// <summary>Identity's purpose plus the last sign-in (to the second, as Django) and the address the token is mailed to.</summary>
    private static string ResetPurpose(TUser user) =>
        FormattableString.Invariant($"{ResetPasswordTokenPurpose}:{user.LastLogin?.ToUnixTimeSeconds()}:{user.Email}");
}
