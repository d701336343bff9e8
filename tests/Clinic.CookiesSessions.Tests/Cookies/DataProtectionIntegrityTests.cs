using System.Buffers.Text;
using System.Reflection;
using System.Security.Cryptography;
using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Cookies;

/// <summary>SIGN-07 and SIGN-04 for the Data Protection signer.</summary>
public sealed class DataProtectionIntegrityTests
{
    private static ServiceProvider Provider(Action<IDataProtectionBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddDataProtection().UseEphemeralDataProtectionProvider());
        return services.BuildServiceProvider();
    }

    public static TheoryData<string> Encryptors() => ["default", "gcm", "managed"];

    private static ServiceProvider ProviderFor(string encryptor) => encryptor switch
    {
        "gcm" => Provider(b => b.UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
        {
            EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
            ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
        })),
        "managed" => Provider(b => b.UseCustomCryptographicAlgorithms(new ManagedAuthenticatedEncryptorConfiguration
        {
            EncryptionAlgorithmType = typeof(Aes),
            EncryptionAlgorithmKeySize = 256,
            ValidationAlgorithmType = typeof(HMACSHA256),
        })),
        _ => Provider(_ => { }),
    };

    [Theory]
    [MemberData(nameof(Encryptors))]
    [Trait("Case", "SIGN-07")]
    public void Unsign_EveryBitFlipped_IsRejected(string encryptor)
    {
        using var provider = ProviderFor(encryptor);
        var signer = new DataProtectionCookieSigner(provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System, NullLogger<DataProtectionCookieSigner>.Instance);
        var bytes = Base64Url.DecodeFromChars(signer.Sign("session", "user=42", ""));

        var variants = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var copy = (byte[])bytes.Clone();
                copy[i] ^= (byte)(1 << bit);
                var result = signer.Unsign("session", Base64Url.EncodeToString(copy), "", null);
                Assert.False(result.IsValid, $"byte {i} bit {bit} accepted");
                variants++;
            }
        }

        Assert.True(variants > 500);
    }

    [Theory]
    [MemberData(nameof(Encryptors))]
    [Trait("Case", "SIGN-07")]
    public void Unprotect_EveryBitFlippedOnRawProtector_ThrowsCryptographicException(string encryptor)
    {
        using var provider = ProviderFor(encryptor);
        var protector = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(DataProtectionCookieSigner.Purpose, "session", "salt:");
        var bytes = protector.Protect(new byte[64]);
        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var copy = (byte[])bytes.Clone();
                copy[i] ^= (byte)(1 << bit);
                Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(copy));
            }
        }
    }

    [Fact]
    [Trait("Case", "SIGN-07")]
    public void DataProtection_ResolvedAssembly_IsNotAnAdvisoryVersion()
    {
        // CVE-2026-40372 affects Microsoft.AspNetCore.DataProtection 10.0.0-10.0.6; we use the shared framework's copy.
        var assembly = typeof(KeyManagementOptions).Assembly;
        var version = Version.Parse(assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()!.Version);
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var patch = int.Parse(informational.Split('+')[0].Split('-')[0].Split('.')[2], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(10, version.Major);
        Assert.True(patch >= 7, $"Data Protection {informational} carries CVE-2026-40372; use 10.0.7 or later.");
    }

    [Fact]
    [Trait("Case", "SIGN-04")]
    public void Unsign_AfterKeyRevoked_IsRejected()
    {
        var keys = Directory.CreateTempSubdirectory("clinic-dp-keys-");
        try
        {
            string signed;
            using (var before = KeyRing(keys))
            {
                var signer = new DataProtectionCookieSigner(before.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System, NullLogger<DataProtectionCookieSigner>.Instance);
                signed = signer.Sign("session", "v", "");
                Assert.True(signer.Unsign("session", signed, "", null).IsValid);
                before.GetRequiredService<IKeyManager>().RevokeAllKeys(DateTimeOffset.UtcNow.AddMinutes(1), "test");
            }

            // Another instance (or this one after its key-ring refresh) reads the revocation from the shared key ring.
            using var after = KeyRing(keys);
            var reader = new DataProtectionCookieSigner(after.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System, NullLogger<DataProtectionCookieSigner>.Instance);
            Assert.Equal(SignedCookieStatus.BadSignature, reader.Unsign("session", signed, "", null).Status);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static ServiceProvider KeyRing(DirectoryInfo keys)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("clinic-tests").PersistKeysToFileSystem(keys);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Unsign_FutureTimestampBeyondSkew_IsRejected()
    {
        using var provider = Provider(_ => { });
        var dp = provider.GetRequiredService<IDataProtectionProvider>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var future = new DataProtectionCookieSigner(dp, new FakeTimeProvider(start.AddHours(1)), NullLogger<DataProtectionCookieSigner>.Instance).Sign("n", "v", "");
        var reader = new DataProtectionCookieSigner(dp, new FakeTimeProvider(start), NullLogger<DataProtectionCookieSigner>.Instance);

        Assert.Equal(SignedCookieStatus.BadSignature, reader.Unsign("n", future, "", TimeSpan.FromDays(1)).Status);
    }
}
