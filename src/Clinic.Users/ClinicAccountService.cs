using System.Security.Claims;
using Clinic.Users.Internal;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Clinic.Users;

/// <summary>
/// The account flows behind the form partials: sign-in, registration, password change (keeps this session, ends the
/// others), set password without the old one, sign-out. Call it from a controller or page handler that validated
/// the view model and antiforgery token, and copy a failure into model state with <see cref="AccountResult.AddTo"/>.
/// </summary>
/// <typeparam name="TUser">The application's user type.</typeparam>
public sealed class ClinicAccountService<TUser>
    where TUser : ClinicUser, new()
{
    /// <summary>The one message for every failed sign-in: unknown address, wrong password, inactive or locked-out account.</summary>
    public const string SignInFailedMessage = "Please enter a correct email address and password.";

    private readonly ClinicUserManager<TUser> _users;
    private readonly ClinicSignInManager<TUser> _signIn;
    private readonly ILogger<ClinicAccountService<TUser>> _logger;
    private readonly IClinicEmailSender _email;

    /// <summary>Created by dependency injection (scoped).</summary>
    /// <param name="users">The user manager.</param>
    /// <param name="signIn">The sign-in manager.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="email">The e-mail sender.</param>
    public ClinicAccountService(ClinicUserManager<TUser> users, ClinicSignInManager<TUser> signIn, ILogger<ClinicAccountService<TUser>> logger, IClinicEmailSender email)
    {
        _users = users;
        _signIn = signIn;
        _logger = logger;
        _email = email;
    }

    /// <summary>The one message for a password-reset link that is unknown, used, expired or tampered with.</summary>
    public const string InvalidResetLinkMessage = "The password reset link was invalid, possibly because it has already been used. Request a new one.";

    /// <summary>
    /// Sends a password-reset link to an active account with that exact (normalised) address and a usable password;
    /// for any other address nothing is sent. The result is the same either way, so the reply does not tell whether
    /// the account exists. The token is Identity's: it dies when the password (security stamp) changes and after
    /// <c>DataProtectionTokenProviderOptions.TokenLifespan</c> (one day by default).
    /// </summary>
    /// <param name="model">The form.</param>
    /// <param name="linkFor">Builds the absolute link from the user id and token (use your configured site address, never the request's Host header).</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Always success.</returns>
    public async Task<AccountResult> RequestPasswordResetAsync(PasswordResetRequestViewModel model, Func<string, string, string> linkFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(linkFor);
        var user = await _users.FindByEmailAsync(model.Email ?? string.Empty);
        if (user is { IsActive: true, PasswordHash: not null, Email: not null })
        {
            var token = await _users.GeneratePasswordResetTokenAsync(user);
            var body = "Someone asked to reset the password of your account. If it was you, open this link to choose a new password:\n\n"
                + linkFor(user.Id, token) + "\n\nIf it was not you, ignore this message; your password stays as it is.";
            try
            {
                await _email.SendAsync(user.Email, "Password reset", body, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.ResetMailFailed(ex);
            }
        }

        return AccountResult.Success;
    }

    /// <summary>Sets a new password with a token from <see cref="RequestPasswordResetAsync"/>; every session of the user ends.</summary>
    /// <param name="userId">The user id from the link.</param>
    /// <param name="token">The token from the link.</param>
    /// <param name="model">The form.</param>
    /// <returns>The result; <see cref="InvalidResetLinkMessage"/> for any bad link.</returns>
    public async Task<AccountResult> ResetPasswordAsync(string userId, string token, SetPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var invalid = AccountResult.Failed(new AccountError(string.Empty, InvalidResetLinkMessage));
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return invalid;
        }

        var user = await _users.FindByIdAsync(userId);
        if (user is null || !user.IsActive)
        {
            return invalid;
        }

        if (!string.Equals(model.NewPassword, model.ConfirmNewPassword, StringComparison.Ordinal))
        {
            return AccountResult.Failed(new AccountError(nameof(SetPasswordViewModel.ConfirmNewPassword), "The two password fields didn't match."));
        }

        var result = await _users.ResetPasswordAsync(user, token, model.NewPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return invalid;
        }

        if (result.Succeeded)
        {
            _logger.PasswordChanged(user.Id);
        }

        return ToResult(result, nameof(SetPasswordViewModel.NewPassword), nameof(SetPasswordViewModel.NewPassword));
    }

    /// <summary>Signs in with lockout on failure; every failure gives <see cref="SignInFailedMessage"/>.</summary>
    /// <param name="model">The form.</param>
    /// <returns>The result.</returns>
    public async Task<AccountResult> SignInAsync(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = await _signIn.PasswordSignInAsync(model.Email ?? string.Empty, model.Password ?? string.Empty, model.RememberMe, lockoutOnFailure: true);
        return result.Succeeded ? AccountResult.Success : AccountResult.Failed(new AccountError(string.Empty, SignInFailedMessage));
    }

    /// <summary>Creates the user (validators run, default groups applied); does not sign in.</summary>
    /// <param name="model">The form.</param>
    /// <returns>The result.</returns>
    public async Task<AccountResult> RegisterAsync(RegisterViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!string.Equals(model.Password, model.ConfirmPassword, StringComparison.Ordinal))
        {
            return AccountResult.Failed(new AccountError(nameof(RegisterViewModel.ConfirmPassword), "The two password fields didn't match."));
        }

        var user = new TUser { Email = model.Email, FirstName = model.FirstName?.Trim() ?? string.Empty, LastName = model.LastName?.Trim() ?? string.Empty };
        var result = await _users.CreateAsync(user, model.Password);
        return ToResult(result, nameof(RegisterViewModel.Password), nameof(RegisterViewModel.Email));
    }

    /// <summary>
    /// Changes the signed-in user's password after checking the old one. This session stays signed in (its cookie is
    /// re-issued); every other session of the user is refused on its next request.
    /// </summary>
    /// <param name="principal">The signed-in user.</param>
    /// <param name="model">The form.</param>
    /// <returns>The result.</returns>
    public async Task<AccountResult> ChangePasswordAsync(ClaimsPrincipal principal, ChangePasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await _users.GetUserAsync(principal);
        if (user is null)
        {
            return AccountResult.Failed(new AccountError(string.Empty, "Sign in to change your password."));
        }

        if (!string.Equals(model.NewPassword, model.ConfirmNewPassword, StringComparison.Ordinal))
        {
            return AccountResult.Failed(new AccountError(nameof(ChangePasswordViewModel.ConfirmNewPassword), "The two password fields didn't match."));
        }

        if (!await _users.CheckPasswordAsync(user, model.OldPassword ?? string.Empty))
        {
            return AccountResult.Failed(new AccountError(nameof(ChangePasswordViewModel.OldPassword), "Your old password is incorrect. Enter it again."));
        }

        var result = await _users.ChangePasswordAsync(user, model.OldPassword!, model.NewPassword);
        if (!result.Succeeded)
        {
            return ToResult(result, nameof(ChangePasswordViewModel.NewPassword), nameof(ChangePasswordViewModel.NewPassword));
        }

        _logger.PasswordChanged(user.Id);
        await _signIn.RefreshSignInAsync(user);
        return AccountResult.Success;
    }

    /// <summary>
    /// Sets <paramref name="user"/>'s password without the old one (an administrator's form, the reset flow). Every
    /// session of that user ends on its next request; when <paramref name="actor"/> is that user, their current
    /// session is kept.
    /// </summary>
    /// <param name="user">The user whose password is set.</param>
    /// <param name="model">The form.</param>
    /// <param name="actor">Who does it (usually <c>HttpContext.User</c>).</param>
    /// <returns>The result.</returns>
    public async Task<AccountResult> SetPasswordAsync(TUser user, SetPasswordViewModel model, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(model);
        if (!string.Equals(model.NewPassword, model.ConfirmNewPassword, StringComparison.Ordinal))
        {
            return AccountResult.Failed(new AccountError(nameof(SetPasswordViewModel.ConfirmNewPassword), "The two password fields didn't match."));
        }

        var token = await _users.GeneratePasswordResetTokenAsync(user);
        var result = await _users.ResetPasswordAsync(user, token, model.NewPassword);
        if (!result.Succeeded)
        {
            return ToResult(result, nameof(SetPasswordViewModel.NewPassword), nameof(SetPasswordViewModel.NewPassword));
        }

        _logger.PasswordChanged(user.Id);
        if (string.Equals(_users.GetUserId(actor), user.Id, StringComparison.Ordinal))
        {
            await _signIn.RefreshSignInAsync(user);
        }

        return AccountResult.Success;
    }

    /// <summary>
    /// Changes <paramref name="user"/>'s address and names. A new address is normalised and becomes the login name;
    /// it must be free. Changing the address changes the security stamp, so the user's other sessions end (the caller's
    /// own session is kept when <paramref name="actor"/> is that user).
    /// </summary>
    /// <param name="user">The user to change.</param>
    /// <param name="model">The form.</param>
    /// <param name="actor">Who does it (usually <c>HttpContext.User</c>).</param>
    /// <returns>The result.</returns>
    public async Task<AccountResult> ChangeUserAsync(TUser user, UserChangeViewModel model, ClaimsPrincipal actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(model);
        var email = ClinicUserEmail.Normalize(model.Email);
        var emailChanged = !string.Equals(email, user.Email, StringComparison.Ordinal);
        user.FirstName = model.FirstName?.Trim() ?? string.Empty;
        user.LastName = model.LastName?.Trim() ?? string.Empty;
        IdentityResult result;
        if (emailChanged)
        {
            user.UserName = email;
            user.Email = email;
            result = await _users.UpdateSecurityStampAsync(user);
        }
        else
        {
            result = await _users.UpdateAsync(user);
        }

        if (result.Succeeded && emailChanged && string.Equals(_users.GetUserId(actor), user.Id, StringComparison.Ordinal))
        {
            await _signIn.RefreshSignInAsync(user);
        }

        return ToResult(result, nameof(UserChangeViewModel.Email), nameof(UserChangeViewModel.Email));
    }

    /// <summary>Signs out; the cookie is revoked on the server, so a copy of it is refused afterwards.</summary>
    /// <returns>A task.</returns>
    public Task SignOutAsync() => _signIn.SignOutAsync();

    private static AccountResult ToResult(IdentityResult result, string passwordField, string userField)
    {
        if (result.Succeeded)
        {
            return AccountResult.Success;
        }

        return AccountResult.Failed([.. result.Errors.Select(e => new AccountError(
            e.Code.StartsWith("password", StringComparison.OrdinalIgnoreCase) || e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : userField,
            e.Description))]);
    }
}
