using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Django's <c>salted_hmac</c>: the HMAC key is <c>hash(key_salt + secret)</c>, computed once per signer.</summary>
internal static class DjangoHmac
{
    public const int MaxHashSize = 64;

    public static int HashSize(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.Sha1 => 20,
        SigningAlgorithm.Sha256 => 32,
        SigningAlgorithm.Sha384 => 48,
        SigningAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
    };

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "SHA-1 is only used when the caller asks for Django's legacy format.")]
    public static byte[] DeriveKey(SigningAlgorithm algorithm, string keySalt, string secret)
    {
        var input = Encoding.UTF8.GetBytes(keySalt + secret);
        try
        {
            return algorithm switch
            {
                SigningAlgorithm.Sha1 => SHA1.HashData(input),
                SigningAlgorithm.Sha256 => SHA256.HashData(input),
                SigningAlgorithm.Sha384 => SHA384.HashData(input),
                SigningAlgorithm.Sha512 => SHA512.HashData(input),
                _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "HMAC-SHA1 is only used for Django's legacy format.")]
    public static int Compute(SigningAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> data, Span<byte> destination) => algorithm switch
    {
        SigningAlgorithm.Sha1 => HMACSHA1.HashData(key, data, destination),
        SigningAlgorithm.Sha256 => HMACSHA256.HashData(key, data, destination),
        SigningAlgorithm.Sha384 => HMACSHA384.HashData(key, data, destination),
        SigningAlgorithm.Sha512 => HMACSHA512.HashData(key, data, destination),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
    };
}
