using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Users;

/// <summary>
/// Django's <c>UserAttributeSimilarityValidator</c>: the password must not be too similar (quick ratio of
/// <c>difflib.SequenceMatcher</c> ≥ 0.7) to the first name, last name or e-mail address, nor to any of their parts
/// split at non-word characters (code <c>password_too_similar</c>).
/// </summary>
/// <typeparam name="TUser">The user type.</typeparam>
public sealed partial class UserAttributeSimilarityPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : ClinicUser
{
    private const double MaxSimilarity = 0.7;

    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (user is null || string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        foreach (var (value, verboseName) in new[] { (user.FirstName, "first name"), (user.LastName, "last name"), (user.Email, "email address") })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var valueLower = value.ToLowerInvariant();
            var parts = NonWord().Split(valueLower).Append(valueLower);
            foreach (var part in parts)
            {
                if (ExceedsLengthRatio(lowered, part))
                {
                    continue;
                }

                if (QuickRatio(lowered, part) >= MaxSimilarity)
                {
                    return Task.FromResult(IdentityResult.Failed(new IdentityError
                    {
                        Code = "password_too_similar",
                        Description = string.Format(CultureInfo.InvariantCulture, "The password is too similar to the {0}.", verboseName),
                    }));
                }
            }
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>A value much shorter than the password can never reach the threshold (Django's shortcut).</summary>
    private static bool ExceedsLengthRatio(string password, string value) =>
        password.Length >= 10 * value.Length && value.Length < MaxSimilarity / 2 * password.Length;

    /// <summary>2·M / T where M is the size of the multiset intersection of the two strings' characters (difflib's quick_ratio).</summary>
    internal static double QuickRatio(string a, string b)
    {
        var total = a.Length + b.Length;
        if (total == 0)
        {
            return 1.0;
        }

        var available = new Dictionary<char, int>();
        foreach (var c in b)
        {
            available[c] = available.GetValueOrDefault(c) + 1;
        }

        var matches = 0;
        foreach (var c in a)
        {
            if (available.TryGetValue(c, out var left) && left > 0)
            {
                available[c] = left - 1;
                matches++;
            }
        }

        return 2.0 * matches / total;
    }

    [GeneratedRegex(@"\W+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NonWord();
}
