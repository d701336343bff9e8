using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Signing;

public sealed class SignerTests
{
    private const string Key = "unit-test-secret-key";

    [Fact]
    public void Constructor_NoSalt_UsesDjangoClassDefault()
    {
        Assert.Equal("django.core.signing.Signer", new Signer(Key).Salt);
        Assert.Equal("django.core.signing.Signer", new Signer(Key, "").Salt);
        Assert.Equal("django.core.signing.TimestampSigner", new TimestampSigner(Key).Salt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Z9")]
    [InlineData("-_=")]
    [InlineData("^")]
    public void Constructor_UnsafeSeparator_Throws(string separator)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Signer(Key, separator: separator));
        Assert.Contains("Unsafe signer separator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Signer(""));
    }

    [Fact]
    public void Unsign_SignedValue_ReturnsValue()
    {
        var signer = new Signer(Key, "s");
        Assert.Equal("hello", signer.Unsign(signer.Sign("hello")));
    }

    [Fact]
    public void Unsign_OtherSalt_ThrowsBadSignature()
    {
        Assert.Throws<BadSignature>(() => new Signer(Key, "b").Unsign(new Signer(Key, "a").Sign("hello")));
    }

    [Fact]
    public void Unsign_OtherKey_ThrowsBadSignature()
    {
        Assert.Throws<BadSignature>(() => new Signer("other", "s").Unsign(new Signer(Key, "s").Sign("hello")));
    }

    [Theory]
    [InlineData(SigningAlgorithm.Sha1, 27)]
    [InlineData(SigningAlgorithm.Sha256, 43)]
    [InlineData(SigningAlgorithm.Sha384, 64)]
    [InlineData(SigningAlgorithm.Sha512, 86)]
    public void Signature_EachAlgorithm_HasUnpaddedBase64Length(SigningAlgorithm algorithm, int length)
    {
        var signer = new Signer(Key, algorithm: algorithm);
        Assert.Equal(length, signer.Signature("v").Length);
        Assert.Equal("v", signer.Unsign(signer.Sign("v")));
    }

    [Fact]
    public void Sign_LongValue_RoundTrips()
    {
        var value = new string('x', 100_000);
        var signer = new Signer(Key);
        Assert.Equal(value, signer.Unsign(signer.Sign(value)));
    }

    [Fact]
    public void UnsignObject_SignObjectWithCompression_RoundTrips()
    {
        var signer = new Signer(Key);
        var value = Enumerable.Repeat("repeat", 100).ToArray();
        var signed = signer.SignObject(value, compress: true);
        Assert.StartsWith(".", signed, StringComparison.Ordinal);
        Assert.Equal(value, signer.UnsignObject<string[]>(signed));
    }

    [Fact]
    public void SignObject_CompressionDoesNotHelp_IsNotCompressed()
    {
        Assert.False(new Signer(Key).SignObject("a", compress: true).StartsWith('.'));
    }

    [Fact]
    public void UnsignObject_ValidSignatureOverGarbage_ThrowsBadSignature()
    {
        var signer = new Signer(Key);
        Assert.Throws<BadSignature>(() => signer.UnsignObject<string>(signer.Sign("!!not base64!!")));
        Assert.Throws<BadSignature>(() => signer.UnsignObject<string>(signer.Sign(".bm90IHpsaWI")));
        Assert.Throws<BadSignature>(() => signer.UnsignObject<int>(signer.Sign("eyJhIjox")));
    }

    [Fact]
    public void UnsignObject_SignedZipBomb_ThrowsBadSignature()
    {
        var signer = new Signer(Key);
        var bomb = signer.SignObject(new string('a', 5 * 1024 * 1024), compress: true);
        Assert.Throws<BadSignature>(() => signer.UnsignObject<string>(bomb));
    }

    [Fact]
    public void Loads_Dumps_RoundTripWithMaxAge()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_000_000));
        var signed = CookiesSessions.Signing.Dumps(new Dictionary<string, int> { ["a"] = 1 }, Key, timeProvider: clock);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, CookiesSessions.Signing.Loads<Dictionary<string, int>>(signed, Key, maxAge: TimeSpan.FromSeconds(30), timeProvider: clock)!["a"]);
        Assert.Throws<SignatureExpired>(() => CookiesSessions.Signing.Loads<Dictionary<string, int>>(signed, Key, maxAge: TimeSpan.FromSeconds(29), timeProvider: clock));
        Assert.Throws<BadSignature>(() => CookiesSessions.Signing.Loads<Dictionary<string, int>>(signed, Key, salt: "other", timeProvider: clock));
    }

    [Fact]
    public void SignatureExpired_IsBadSignature()
    {
        Assert.IsType<BadSignature>(new SignatureExpired(), exactMatch: false);
    }
}
