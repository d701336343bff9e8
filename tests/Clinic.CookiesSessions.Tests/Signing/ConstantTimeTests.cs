using Clinic.Testing;

namespace Clinic.CookiesSessions.Tests.Signing;

/// <summary>SIGN-05: the verify path compares with FixedTimeEquals and nothing that exits early.</summary>
[Trait("Case", "SIGN-05")]
public sealed class ConstantTimeTests
{
    private static string Source(string file) =>
        File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Clinic.CookiesSessions", file));

    [Fact]
    public void Verify_Source_UsesFixedTimeEqualsOnly()
    {
        var signer = Source("Signer.cs");
        var verify = signer[signer.IndexOf("private protected ReadOnlySpan<char> Verify", StringComparison.Ordinal)..];
        verify = verify[..verify.IndexOf("private static int ComputeSignature", StringComparison.Ordinal)];

        Assert.Contains("CryptographicOperations.FixedTimeEquals", verify, StringComparison.Ordinal);
        foreach (var early in new[] { "SequenceEqual", "string.Equals", ".Equals(", "CompareOrdinal", "StartsWith", "== given", "given ==" })
        {
            Assert.DoesNotContain(early, verify, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SignersAndCookies_Source_HaveNoOtherSignatureComparison()
    {
        foreach (var file in new[] { "TimestampSigner.cs", "Internal/DjangoCookieSigner.cs", "Internal/DataProtectionCookieSigner.cs" })
        {
            Assert.DoesNotContain("SequenceEqual", Source(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unsign_SignatureWithCorrectPrefix_StillRejected()
    {
        // A signature that is right except for its last character (the most a timing attack could learn) fails.
        var signer = new Signer("k");
        var signed = signer.Sign("v");
        var last = signed[^1] == 'A' ? 'B' : 'A';
        Assert.Throws<BadSignature>(() => signer.Unsign(signed[..^1] + last));
    }
}
