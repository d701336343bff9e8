using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

/// <summary>Django hashes made by real Django 3.2 are verified and flagged for rehash; others are refused.</summary>
public sealed class DjangoPasswordHasherTests
{
    private const string Md5 = "md5$4G3WqwShZbdmTZY0NoyUcN$bf2e0fd8b1ea84149bf40dd7ecbd8360";
    internal const string Ascii = "correct horse 42";
    internal const string Unicode = "pässwörd ünïcode ✓";

    private static readonly DjangoPasswordHasher<TestUser> Hasher = new(
        Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }),
        NullLogger<DjangoPasswordHasher<TestUser>>.Instance);

    [Theory]
    [InlineData("pbkdf2_sha256", Ascii)]
    [InlineData("pbkdf2_sha256", Unicode)]
    [InlineData("pbkdf2_sha1", Ascii)]
    [InlineData("pbkdf2_sha1", Unicode)]
    [InlineData("argon2", Ascii)]
    [InlineData("argon2", Unicode)]
    [InlineData("bcrypt_sha256", Ascii)]
    [InlineData("bcrypt_sha256", Unicode)]
    public async Task Verify_RealDjangoHash_SucceedsAndAsksForRehash(string algorithm, string password)
    {
        var hash = (await DjangoPython.Hashes.Value)[(algorithm, password)];
        Assert.StartsWith(algorithm + "$", hash, StringComparison.Ordinal);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher.VerifyHashedPassword(new TestUser(), hash, password));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(new TestUser(), hash, password + "x"));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(new TestUser(), hash, password.ToUpperInvariant()));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(new TestUser(), hash, "wrong"));
    }

    [Theory]
    [InlineData(DjangoPython.Argon2Default)]
    [InlineData(DjangoPython.BcryptSha256Default)]
    public async Task Verify_RealDjangoHashWithDefaultParameters_Succeeds(string hasher)
    {
        var hash = (await DjangoPython.Hashes.Value)[(hasher, Ascii)];

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher.VerifyHashedPassword(new TestUser(), hash, Ascii));
    }

    [Theory]
    [InlineData(Md5)]
    [InlineData("sha1$salt$0123456789abcdef0123456789abcdef01234567")]
    [InlineData("unsalted_md5$5f4dcc3b5aa765d61d8327deb882cf99")]
    [InlineData("crypt$$ab1Hv2Lg7ltQo")]
    [InlineData("bcrypt$$2b$04$i35hgmySY.tNH/UkRf725.jZaBXgNr6pJcXiYdVeyNupqxpl3A9oS")]
    [InlineData("argon2$argon2id$v=16$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")]
    public void Verify_UnsupportedDjangoAlgorithm_IsRefused(string hash)
    {
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(new TestUser(), hash, Ascii));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("pbkdf2_sha256$")]
    [InlineData("pbkdf2_sha256$abc$salt$hash")]
    [InlineData("pbkdf2_sha256$999999999$salt$aGFzaA==")]
    [InlineData("pbkdf2_sha256$1000$salt$not base64!")]
    [InlineData("pbkdf2_sha256$1000$$aGFzaA==")]
    [InlineData("argon2$argon2id$v=19$m=999999999,t=2,p=8$c2FsdHNhbHQ$aGFzaGhhc2g")]
    [InlineData("argon2$argon2x$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")]
    [InlineData("argon2$argon2id$v=19$q=1$c2FsdHNhbHQ$aGFzaGhhc2g")]
    [InlineData("bcrypt_sha256$$2b$99$garbage")]
    [InlineData("bcrypt_sha256$nonsense")]
    [InlineData("not base64 at all")]
    [InlineData("AQAAAAIAAYagAAAAEA")]
    public void Verify_MalformedHash_FailsWithoutException(string hash)
    {
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(new TestUser(), hash, Ascii));
    }

    [Fact]
    public void HashPassword_Always_WritesIdentityFormat()
    {
        var hash = Hasher.HashPassword(new TestUser(), Ascii);

        Assert.DoesNotContain('$', hash);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        Assert.Equal(PasswordVerificationResult.Success, Hasher.VerifyHashedPassword(new TestUser(), hash, Ascii));
    }
}
