using System.Security.Claims;
using System.Security.Cryptography;
using Clinic.Users.Internal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>
/// Identity's sign-in manager with Clinic's rules: an inactive user cannot sign in and gets the same
/// <see cref="SignInResult.Failed"/> as a wrong password; an unknown user costs a hash like a known one; each sign-in
/// gets its own session id (revoked on the server at sign-out); the last-login time and client address are recorded.
/// </summary>
/// <typeparam name="TUser">The application's user type.</typeparam>
public class ClinicSignInManager<TUser> : SignInManager<TUser>
    where TUser : ClinicUser
{
    private static readonly string DummyPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private string? _dummyHash;
    private bool _refreshing;

    /// <summary>Created by dependency injection.</summary>
    /// <param name="userManager">The user manager.</param>
    /// <param name="contextAccessor">The HTTP context accessor.</param>
    /// <param name="claimsFactory">The claims factory.</param>
    /// <param name="optionsAccessor">Identity's options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="schemes">The authentication schemes.</param>
    /// <param name="confirmation">The account confirmation rule.</param>
    public ClinicSignInManager(
        UserManager<TUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<TUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<TUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<TUser> confirmation)
        : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    {
    }

    private SessionStateCache Sessions => Context.RequestServices.GetRequiredService<SessionStateCache>();

    private TimeProvider Time => Context.RequestServices.GetRequiredService<TimeProvider>();

    private IOptions<ClinicUsersOptions> ClinicOptions => Context.RequestServices.GetRequiredService<IOptions<ClinicUsersOptions>>();

    private UsersEvents Events => Context.RequestServices.GetRequiredService<UsersEvents>();

    /// <inheritdoc/>
    public override async Task<bool> CanSignInAsync(TUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }

    /// <inheritdoc/>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var email = ClinicUserEmail.Normalize(userName);
        if (string.IsNullOrEmpty(password) || password.Length > ClinicOptions.Value.MaximumPasswordLength || email.Length > 256)
        {
            await Events.LoginFailedAsync(this, Context, email, "rejected before hashing");
            return SignInResult.Failed;
        }

        var user = await UserManager.FindByNameAsync(email);
        if (user is null)
        {
            // Costs one hash, as for a known user, so the reply time does not tell whether the address exists.
            _dummyHash ??= UserManager.PasswordHasher.HashPassword(new ClinicUserPlaceholder<TUser>().User, DummyPassword);
            UserManager.PasswordHasher.VerifyHashedPassword(new ClinicUserPlaceholder<TUser>().User, _dummyHash, password);
            await Events.LoginFailedAsync(this, Context, email, "unknown user");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <inheritdoc/>
    public override async Task<SignInResult> PasswordSignInAsync(TUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsActive)
        {
            // Same work and same reply as a wrong password (Django's ModelBackend never reveals is_active).
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? string.Empty, password ?? string.Empty);
            await Events.LoginFailedAsync(this, Context, user.Email ?? string.Empty, "inactive");
            return SignInResult.Failed;
        }

        var result = await base.PasswordSignInAsync(user, password!, isPersistent, lockoutOnFailure);
        if (!result.Succeeded)
        {
            await Events.LoginFailedAsync(this, Context, user.Email ?? string.Empty, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password");
        }

        return result;
    }

    /// <inheritdoc/>
    public override async Task SignInWithClaimsAsync(TUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = additionalClaims.Where(c => c.Type != ClinicUsersDefaults.SessionIdClaimType)
            .Append(new Claim(ClinicUsersDefaults.SessionIdClaimType, Base64Url(RandomNumberGenerator.GetBytes(16))))
            .ToList();
        if (!_refreshing)
        {
            user.LastLogin = Time.GetUtcNow();
            user.LastLoginIp = Context.Connection.RemoteIpAddress?.ToString();
            await UserManager.UpdateAsync(user);
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        if (!_refreshing)
        {
            await Events.LoggedInAsync(this, Context, user);
        }
    }

    /// <inheritdoc/>
    public override async Task RefreshSignInAsync(TUser user)
    {
        _refreshing = true;
        try
        {
            await RevokeCurrentAsync();
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    /// <summary>Signs out and revokes this sign-in on the server, so a copy of its cookie is refused afterwards.</summary>
    /// <returns>A task.</returns>
    public override async Task SignOutAsync()
    {
        var userId = Context.User.FindFirstValue(Options.ClaimsIdentity.UserIdClaimType);
        await RevokeCurrentAsync();
        await base.SignOutAsync();
        if (userId is not null)
        {
            await Events.LoggedOutAsync(this, Context, userId);
        }
    }

    private async Task RevokeCurrentAsync()
    {
        var result = await Context.AuthenticateAsync(AuthenticationScheme);
        var sid = result.Principal?.FindFirstValue(ClinicUsersDefaults.SessionIdClaimType);
        if (sid is not null)
        {
            await Sessions.RevokeAsync(sid, result.Properties?.ExpiresUtc, Context.RequestAborted);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
