using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>
/// Django's <c>MinimumLengthValidator</c>: at least <see cref="ClinicUsersOptions.MinimumPasswordLength"/> characters
/// (code <c>password_too_short</c>), plus the upper bound <see cref="ClinicUsersOptions.MaximumPasswordLength"/>
/// (code <c>password_too_long</c>), which keeps the work one request can cause bounded.
/// </summary>
/// <typeparam name="TUser">The user type.</typeparam>
public sealed class MinimumLengthPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    private readonly IOptions<ClinicUsersOptions> _options;

    /// <summary>Created by dependency injection.</summary>
    /// <param name="options">The options.</param>
    public MinimumLengthPasswordValidator(IOptions<ClinicUsersOptions> options)
    {
        _options = options;
    }

    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        var min = _options.Value.MinimumPasswordLength;
        var max = _options.Value.MaximumPasswordLength;
        var length = password?.Length ?? 0;
        if (length > max)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "password_too_long",
                Description = string.Format(CultureInfo.InvariantCulture, "This password is too long. It must contain at most {0} characters.", max),
            }));
        }

        if (password is null || CountCodePoints(password) < min)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "password_too_short",
                Description = string.Format(
                    CultureInfo.InvariantCulture,
                    min == 1 ? "This password is too short. It must contain at least {0} character." : "This password is too short. It must contain at least {0} characters.",
                    min),
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static int CountCodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
