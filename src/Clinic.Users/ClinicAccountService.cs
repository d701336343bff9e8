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

    /// <summary>Created by dependency injection (scoped).</summary>
    /// <param name="users">The user manager.</param>
    /// <param name="signIn">The sign-in manager.</param>
    /// <param name="logger">The logger.</param>
    public ClinicAccountService(ClinicUserManager<TUser> users, ClinicSignInManager<TUser> signIn, ILogger<ClinicAccountService<TUser>> logger)
    {
        _users = users;
        _signIn = signIn;
        _logger = logger;
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
