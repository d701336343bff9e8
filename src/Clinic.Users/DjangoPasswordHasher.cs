using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Clinic.Users.Internal;
using Konscious.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Users;

/// <summary>
/// Identity's <see cref="PasswordHasher{TUser}"/> that also verifies hashes written by Django, so users moved from a
/// Django database keep their passwords: <c>pbkdf2_sha256</c>, <c>pbkdf2_sha1</c>, <c>argon2</c> (argon2id, argon2i,
/// version 19) and <c>bcrypt_sha256</c>. A verified Django hash answers
/// <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, so Identity replaces it with its own format at that
/// sign-in. Other Django algorithms (<c>md5</c>, <c>sha1</c>, <c>unsalted_*</c>, <c>crypt</c>, plain <c>bcrypt</c>…)
/// are refused with a logged warning that says to reset the password. New hashes are always Identity's.
/// </summary>
/// <typeparam name="TUser">The user type.</typeparam>
public sealed class DjangoPasswordHasher<TUser> : IPasswordHasher<TUser>
    where TUser : class
{
    private const int MaxPbkdf2Iterations = 10_000_000;
    private const int MaxArgon2MemoryKiB = 1024 * 1024;
    private readonly PasswordHasher<TUser> _identity;
    private readonly ILogger<DjangoPasswordHasher<TUser>> _logger;

    /// <summary>Created by dependency injection.</summary>
    /// <param name="options">Identity's hasher options (iteration count of new hashes).</param>
    /// <param name="logger">The logger.</param>
    public DjangoPasswordHasher(IOptions<PasswordHasherOptions> options, ILogger<DjangoPasswordHasher<TUser>> logger)
    {
        _identity = new PasswordHasher<TUser>(options);
        _logger = logger;
    }

    /// <inheritdoc/>
    public string HashPassword(TUser user, string password) => _identity.HashPassword(user, password);

    /// <inheritdoc/>
    public PasswordVerificationResult VerifyHashedPassword(TUser user, string hashedPassword, string providedPassword)
    {
        ArgumentNullException.ThrowIfNull(hashedPassword);
        ArgumentNullException.ThrowIfNull(providedPassword);
        var dollar = hashedPassword.IndexOf('$', StringComparison.Ordinal);
        if (dollar <= 0)
        {
            return VerifyIdentity(user, hashedPassword, providedPassword);
        }

        var algorithm = hashedPassword[..dollar];
        bool? verified = algorithm switch
        {
            "pbkdf2_sha256" => VerifyPbkdf2(hashedPassword, providedPassword, HashAlgorithmName.SHA256, 32),
            "pbkdf2_sha1" => VerifyPbkdf2(hashedPassword, providedPassword, HashAlgorithmName.SHA1, 20),
            "argon2" => VerifyArgon2(hashedPassword[(dollar + 1)..], providedPassword),
            "bcrypt_sha256" => VerifyBcryptSha256(hashedPassword[(dollar + 1)..], providedPassword),
            _ => null,
        };

        if (verified is null)
        {
            _logger.DjangoHashUnsupported(algorithm.Length <= 20 ? algorithm : algorithm[..20]);
            return PasswordVerificationResult.Failed;
        }

        if (verified.Value)
        {
            _logger.DjangoHashVerified(algorithm);
            return PasswordVerificationResult.SuccessRehashNeeded;
        }

        return PasswordVerificationResult.Failed;
    }

    private PasswordVerificationResult VerifyIdentity(TUser user, string hashedPassword, string providedPassword)
    {
        try
        {
            return hashedPassword.Length == 0 ? PasswordVerificationResult.Failed : _identity.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
    }

    /// <summary><c>algorithm$iterations$salt$base64(hash)</c>; the salt is used as its UTF-8 text.</summary>
    private static bool? VerifyPbkdf2(string encoded, string password, HashAlgorithmName digest, int length)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < 1 || iterations > MaxPbkdf2Iterations
            || parts[2].Length == 0)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (expected.Length != length)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(parts[2]), iterations, digest, length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary><c>argon2$argon2id$v=19$m=…,t=…,p=…$salt$hash</c> with unpadded base64 salt and hash.</summary>
    private static bool? VerifyArgon2(string rest, string password)
    {
        var parts = rest.Split('$');
        if (parts.Length != 5 || parts[1] != "v=19")
        {
            return parts.Length == 5 && parts[1].StartsWith("v=", StringComparison.Ordinal) ? null : false;
        }

        int memory = 0, time = 0, lanes = 0;
        foreach (var pair in parts[2].Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(pair.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (pair[..eq])
            {
                case "m":
                    memory = value;
                    break;
                case "t":
                    time = value;
                    break;
                case "p":
                    lanes = value;
                    break;
                default:
                    return false;
            }
        }

        if (memory < 8 || memory > MaxArgon2MemoryKiB || time < 1 || time > 100 || lanes < 1 || lanes > 64)
        {
            return false;
        }

        var salt = UnpaddedBase64(parts[3]);
        var expected = UnpaddedBase64(parts[4]);
        if (salt is null || expected is null || salt.Length < 8 || expected.Length < 4)
        {
            return false;
        }

        var secret = Encoding.UTF8.GetBytes(password);
        using Argon2 argon = parts[0] switch
        {
            "argon2id" => new Argon2id(secret),
            "argon2i" => new Argon2i(secret),
            "argon2d" => new Argon2d(secret),
            _ => null!,
        };
        if (argon is null)
        {
            return null;
        }

        argon.Salt = salt;
        argon.MemorySize = memory;
        argon.Iterations = time;
        argon.DegreeOfParallelism = lanes;
        var actual = argon.GetBytes(expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary><c>bcrypt_sha256$$2b$12$…</c>: bcrypt over the lower-case hex SHA-256 of the password.</summary>
    private static bool? VerifyBcryptSha256(string bcryptHash, string password)
    {
        if (!bcryptHash.StartsWith("$2", StringComparison.Ordinal))
        {
            return false;
        }

        var prehash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        try
        {
            return BCrypt.Net.BCrypt.Verify(prehash, bcryptHash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static byte[]? UnpaddedBase64(string value)
    {
        var padded = value.PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
