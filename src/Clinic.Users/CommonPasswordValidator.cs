using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Users;

/// <summary>
/// Django's <c>CommonPasswordValidator</c>: the password, lower-cased and trimmed, must not be one of the 20,000
/// common passwords of the list Django 3.2 ships (code <c>password_too_common</c>).
/// </summary>
/// <typeparam name="TUser">The user type.</typeparam>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    private static readonly Lazy<FrozenSet<string>> Passwords = new(Load);

    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (password is not null && password.Length <= 256 && Passwords.Value.Contains(password.Trim().ToLowerInvariant()))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "password_too_common",
                Description = "This password is too common.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator<>).Assembly.GetManifestResourceStream("Clinic.Users.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common-password list is missing from Clinic.Users.dll.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                set.Add(trimmed);
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
