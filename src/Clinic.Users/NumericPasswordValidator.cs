using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Users;

/// <summary>Django's <c>NumericPasswordValidator</c>: a password of digits only is refused (code <c>password_entirely_numeric</c>).</summary>
/// <typeparam name="TUser">The user type.</typeparam>
public sealed class NumericPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (!string.IsNullOrEmpty(password) && AllDigits(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "password_entirely_numeric",
                Description = "This password is entirely numeric.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool AllDigits(string password)
    {
        foreach (var rune in password.EnumerateRunes())
        {
            if (!Rune.IsDigit(rune))
            {
                return false;
            }
        }

        return true;
    }
}
