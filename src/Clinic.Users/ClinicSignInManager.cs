using System.Security.Claims;
using System.Security.Cryptography;
using Clinic.Users.Internal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>
/// Identity's sign-in manager with Clinic's rules: an inactive user cannot sign in and gets the same
/// <see cref="SignInResult.Failed"/> as a wrong password; an unknown user costs a hash like a known one; each sign-in
/// gets its own session id (revoked on the server at sign-out); the last-login time and client address are recorded
/// on the user and, when the app has a session (<see cref="ISessionFeature"/>), in it under
/// <see cref="ClinicUsersDefaults.SessionUserIdKey"/> and <see cref="ClinicUsersDefaults.SessionUserIpKey"/>. As in
/// Django's <c>login()</c>, a sign-in on top of another user's session clears that session first.
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
            // A new sign-in replaces this browser's previous one (Django's login() cycles or flushes the session):
            // a copy of the previous cookie is refused from now on.
            await RevokeCurrentAsync();
            var address = ClientAddress();
            user.LastLogin = Time.GetUtcNow();
            user.LastLoginIp = address;
            await UserManager.UpdateAsync(user);
            await RecordInSessionAsync(user, address);
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
        if (await SessionAsync() is { } session && session.Keys.Contains(ClinicUsersDefaults.SessionUserIdKey))
        {
            // Django's logout() flushes; a session store that can also drop the key (Clinic.CookiesSessions) does so
            // in the cookie handler's SigningOut event.
            session.Clear();
        }

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

    /// <summary>The connection's address: the client's own, or the one a trusted proxy forwarded (forwarded-headers middleware).</summary>
    private string? ClientAddress()
    {
        var address = Context.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4().ToString() : address?.ToString();
    }

    /// <summary>The app's session when it has one and it could be loaded; <see langword="null"/> otherwise.</summary>
    private async Task<ISession?> SessionAsync()
    {
        var session = Context.Features.Get<ISessionFeature>()?.Session;
        if (session is null)
        {
            return null;
        }

        await session.LoadAsync(Context.RequestAborted);
        return session.IsAvailable ? session : null;
    }

    /// <summary>
    /// Writes the user id and client address into the session. A session that belongs to another user (by its stored
    /// id or the principal of this request) is cleared first, so its data never leaks into the new sign-in; a session
    /// store that rotates keys at sign-in (Clinic.CookiesSessions) then gives it a new id.
    /// </summary>
    private async Task RecordInSessionAsync(TUser user, string? address)
    {
        if (await SessionAsync() is not { } session)
        {
            return;
        }

        var sessionUser = session.GetString(ClinicUsersDefaults.SessionUserIdKey);
        var requestUser = Context.User.Identity?.IsAuthenticated == true ? Context.User.FindFirstValue(Options.ClaimsIdentity.UserIdClaimType) : null;
        if ((sessionUser is not null && !string.Equals(sessionUser, user.Id, StringComparison.Ordinal))
            || (requestUser is not null && !string.Equals(requestUser, user.Id, StringComparison.Ordinal)))
        {
            session.Clear();
            Logger.SessionOfAnotherUserCleared();
        }

        session.SetString(ClinicUsersDefaults.SessionUserIdKey, user.Id);
        if (address is null)
        {
            session.Remove(ClinicUsersDefaults.SessionUserIpKey);
        }
        else
        {
            session.SetString(ClinicUsersDefaults.SessionUserIpKey, address);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
