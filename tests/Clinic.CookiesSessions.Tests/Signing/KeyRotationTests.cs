namespace Clinic.CookiesSessions.Tests.Signing;

/// <summary>SIGN-04: fallback keys verify but never sign.</summary>
[Trait("Case", "SIGN-04")]
public sealed class KeyRotationTests
{
    private const string OldKey = "old-key";
    private const string NewKey = "new-key";

    [Fact]
    public void Unsign_OldValue_VerifiesOnlyWhileFallbackConfigured()
    {
        var old = new Signer(OldKey, "s").Sign("v");

        Assert.Equal("v", new Signer(NewKey, "s", fallbackKeys: [OldKey]).Unsign(old));
        Assert.Throws<BadSignature>(() => new Signer(NewKey, "s").Unsign(old));
    }

    [Fact]
    public void Sign_WithFallbacks_UsesPrimaryKeyOnly()
    {
        var signed = new Signer(NewKey, "s", fallbackKeys: [OldKey]).Sign("v");

        Assert.Equal(new Signer(NewKey, "s").Sign("v"), signed);
        Assert.Throws<BadSignature>(() => new Signer(OldKey, "s").Unsign(signed));
    }

    [Fact]
    public void Loads_OldDumps_VerifiesThroughFallback()
    {
        var old = CookiesSessions.Signing.Dumps("v", OldKey);
        Assert.Equal("v", CookiesSessions.Signing.Loads<string>(old, NewKey, fallbackKeys: [OldKey]));
        Assert.Throws<BadSignature>(() => CookiesSessions.Signing.Loads<string>(old, NewKey));
    }
}
