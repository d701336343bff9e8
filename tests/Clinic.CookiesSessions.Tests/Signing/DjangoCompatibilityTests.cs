using Clinic.CookiesSessions.Internal;
using Clinic.CookiesSessions.Tests.Django;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Signing;

/// <summary>Our signing against real Django 3.2, both directions.</summary>
public sealed class DjangoCompatibilityTests
{
    private const string Key = "django-insecure-4x!k7^clinic-test-secret-key-with-enough-length";

    private static readonly string[] Values = ["hello", "", "My string", "a:b:c", "héllo ☃ 日本", "x y\"z;\\"];

    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    [Fact]
    public void Sign_SameKeyAndSalt_EqualsDjangoSignerOutput()
    {
        var ops = new List<object>();
        var ours = new List<string>();
        foreach (var value in Values)
        {
            foreach (var salt in new string?[] { null, "extra" })
            {
                ops.Add(new { op = "sign", key = Key, salt, value });
                ours.Add(new Signer(Key, salt).Sign(value));
            }
        }

        var django = DjangoBridge.Run(Key, ops);

        Assert.Equal(ours, django.Select(r => r.Value));
    }

    [Fact]
    public void Sign_CustomSeparator_EqualsDjangoSignerOutput()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "sign", key = Key, sep = "/", value = "a/b" });

        Assert.Equal(new Signer(Key, separator: "/").Sign("a/b"), django.Value);
    }

    [Fact]
    public void Unsign_DjangoSignedValues_ReturnOriginal()
    {
        var django = DjangoBridge.Run(Key, Values.Select(v => (object)new { op = "sign", key = Key, salt = "s", value = v }));

        var signer = new Signer(Key, "s");
        Assert.Equal(Values, django.Select(r => signer.Unsign(r.Value)));
    }

    [Fact]
    public void Unsign_InDjango_ValuesWeSigned_ReturnOriginal()
    {
        var signer = new Signer(Key, "s");
        var django = DjangoBridge.Run(Key, Values.Select(v => (object)new { op = "unsign", key = Key, salt = "s", value = signer.Sign(v) }));

        Assert.Equal(Values, django.Select(r => r.Value));
    }

    [Fact]
    public void Unsign_InDjango_WrongSalt_RaisesBadSignature()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "unsign", key = Key, salt = "other", value = new Signer(Key, "s").Sign("v") });

        Assert.Equal("BadSignature", django.Error);
    }

    [Fact]
    public void TimestampSign_SameClock_EqualsDjangoOutput()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "ts_sign", key = Key, value = "hello", now = DjangoBridge.Now });

        var ours = new TimestampSigner(Key, timeProvider: ClockAt(DjangoBridge.Now)).Sign("hello");

        Assert.Equal(django.Value, ours);
    }

    [Theory]
    [InlineData(10, "SignatureExpired")]
    [InlineData(11, null)]
    [InlineData(12, null)]
    [Trait("Case", "SIGN-03")]
    public void TimestampUnsign_ElevenSecondsLater_AgreesWithDjangoOnMaxAge(int maxAge, string? expectedError)
    {
        var signed = new TimestampSigner(Key, timeProvider: ClockAt(DjangoBridge.Now)).Sign("hello");

        var django = DjangoBridge.RunOne(Key, new { op = "ts_unsign", key = Key, value = signed, max_age = maxAge, now = DjangoBridge.Now + 11 });
        var reader = new TimestampSigner(Key, timeProvider: ClockAt(DjangoBridge.Now + 11));

        Assert.Equal(expectedError, django.Error);
        if (expectedError is null)
        {
            Assert.Equal("hello", reader.Unsign(signed, TimeSpan.FromSeconds(maxAge)));
        }
        else
        {
            Assert.Throws<SignatureExpired>(() => reader.Unsign(signed, TimeSpan.FromSeconds(maxAge)));
        }
    }

    [Fact]
    public void Dumps_AsciiValuesSameClock_EqualsDjangoOutput()
    {
        var clock = ClockAt(DjangoBridge.Now);
        var django = DjangoBridge.Run(Key, [
            new { op = "dumps", key = Key, value = "hello", now = DjangoBridge.Now },
            new { op = "dumps", key = Key, value = new[] { 1, 2, 3 }, now = DjangoBridge.Now },
            new { op = "dumps", key = Key, value = new { foo = "bar" }, salt = "s", now = DjangoBridge.Now },
        ]);

        Assert.Equal(django[0].Value, CookiesSessions.Signing.Dumps("hello", Key, timeProvider: clock));
        Assert.Equal(django[1].Value, CookiesSessions.Signing.Dumps(new[] { 1, 2, 3 }, Key, timeProvider: clock));
        Assert.Equal(django[2].Value, CookiesSessions.Signing.Dumps(new Dictionary<string, string> { ["foo"] = "bar" }, Key, "s", timeProvider: clock));
    }

    [Fact]
    public void Loads_DjangoDumpsWithCompression_ReturnsValue()
    {
        // Django's documented example: dumps(list(range(1, 20)), compress=True) starts with '.'.
        var django = DjangoBridge.RunOne(Key, new { op = "dumps", key = Key, value = Enumerable.Range(1, 19), compress = true });

        Assert.StartsWith(".", django.Value, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 19), CookiesSessions.Signing.Loads<int[]>(django.Value, Key));
    }

    [Fact]
    public void Loads_InDjango_OurCompressedAndUnicodeDumps_ReturnValue()
    {
        var compressed = CookiesSessions.Signing.Dumps(Enumerable.Range(1, 19).ToArray(), Key, compress: true);
        var unicode = CookiesSessions.Signing.Dumps(new Dictionary<string, string> { ["name"] = "Zoë <&> ☃" }, Key);

        var django = DjangoBridge.Run(Key, [
            new { op = "loads", key = Key, value = compressed },
            new { op = "loads", key = Key, value = unicode },
        ]);

        Assert.StartsWith(".", compressed, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 19), django[0].Ok!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal("Zoë <&> ☃", django[1].Ok!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Loads_DjangoUnicodeDumps_ReturnsValue()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "dumps", key = Key, value = new { name = "Zoë ☃" } });

        Assert.Equal("Zoë ☃", CookiesSessions.Signing.Loads<Dictionary<string, string>>(django.Value, Key)!["name"]);
    }

    [Fact]
    public void Unsign_DjangoLegacySha1Signature_VerifiesOnlyWhenLegacyAccepted()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "sign", key = Key, value = "legacy" }, hashing: "sha1");

        Assert.Equal("legacy", new Signer(Key, acceptLegacySha1: true).Unsign(django.Value));
        Assert.Throws<BadSignature>(() => new Signer(Key).Unsign(django.Value));
    }

    [Fact]
    public void Sign_Sha1Algorithm_EqualsDjangoLegacyOutput()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "sign", key = Key, value = "legacy" }, hashing: "sha1");

        Assert.Equal(django.Value, new Signer(Key, algorithm: SigningAlgorithm.Sha1).Sign("legacy"));
    }

    [Fact]
    [Trait("Case", "SIGN-04")]
    public void Unsign_DjangoSignedWithOldKey_VerifiesThroughFallback()
    {
        const string oldKey = "the-old-django-secret-key-that-was-rotated-out-0001";
        var django = DjangoBridge.RunOne(oldKey, new { op = "sign", key = oldKey, salt = "s", value = "v" });

        Assert.Equal("v", new Signer(Key, "s", fallbackKeys: [oldKey]).Unsign(django.Value));
        Assert.Throws<BadSignature>(() => new Signer(Key, "s").Unsign(django.Value));
    }

    [Fact]
    public void GetSignedCookie_DjangoSetSignedCookie_ReturnsValue()
    {
        var django = DjangoBridge.Run(Key, [
            new { op = "set_signed_cookie", name = "theme", value = "dark", salt = "prefs", now = DjangoBridge.Now },
            new { op = "set_signed_cookie", name = "plain", value = "v", now = DjangoBridge.Now },
        ]);
        var signer = CreateCookieSigner(ClockAt(DjangoBridge.Now + 5));

        Assert.Equal(SignedCookieResult.Valid("dark"), signer.Unsign("theme", django[0].Value, "prefs", TimeSpan.FromSeconds(10)));
        Assert.Equal(SignedCookieResult.Valid("v"), signer.Unsign("plain", django[1].Value, "", null));
        Assert.Equal(SignedCookieStatus.Expired, signer.Unsign("theme", django[0].Value, "prefs", TimeSpan.FromSeconds(4)).Status);
        Assert.Equal(SignedCookieStatus.BadSignature, signer.Unsign("theme", django[0].Value, "other", null).Status);
    }

    [Fact]
    public void SetSignedCookie_SameClock_EqualsDjangoCookieValue()
    {
        var django = DjangoBridge.RunOne(Key, new { op = "set_signed_cookie", name = "theme", value = "dark", salt = "prefs", now = DjangoBridge.Now });

        Assert.Equal(django.Value, CreateCookieSigner(ClockAt(DjangoBridge.Now)).Sign("theme", "dark", "prefs"));
    }

    [Fact]
    public void GetSignedCookie_InDjango_OurSignedCookies_ReturnValueOrBadSignature()
    {
        var signer = CreateCookieSigner(ClockAt(DjangoBridge.Now));
        var django = DjangoBridge.Run(Key, [
            new { op = "get_signed_cookie", name = "theme", value = signer.Sign("theme", "dark", "prefs"), salt = "prefs", max_age = 60, now = DjangoBridge.Now + 1 },
            new { op = "get_signed_cookie", name = "theme", value = signer.Sign("theme", "dark", "prefs"), salt = "prefs", max_age = 60, now = DjangoBridge.Now + 61 },
            new { op = "get_signed_cookie", name = "other", value = signer.Sign("theme", "dark", "prefs"), salt = "prefs", now = DjangoBridge.Now },
        ]);

        Assert.Equal("dark", django[0].Value);
        Assert.Equal("SignatureExpired", django[1].Error);
        Assert.Equal("BadSignature", django[2].Error);
    }

    [Fact]
    public void CookieSalt_ConcatenateMode_CollidesLikeDjango32_LengthPrefixedDoesNot()
    {
        // D15 / CVE-2026-6873: Django 3.2's name + salt is not injective. We keep it for compatibility (default) and
        // offer an injective mode; this test pins both behaviours.
        var compatible = CreateCookieSigner(ClockAt(DjangoBridge.Now));
        var injective = CreateCookieSigner(ClockAt(DjangoBridge.Now), DjangoCookieSaltMode.LengthPrefixed);

        Assert.True(compatible.Unsign("a", compatible.Sign("ab", "v", "c"), "bc", null).IsValid);
        Assert.Equal(SignedCookieStatus.BadSignature, injective.Unsign("a", injective.Sign("ab", "v", "c"), "bc", null).Status);
        Assert.True(injective.Unsign("ab", injective.Sign("ab", "v", "c"), "c", null).IsValid);
    }

    internal static DjangoCookieSigner CreateCookieSigner(TimeProvider clock, DjangoCookieSaltMode mode = DjangoCookieSaltMode.Concatenate, params string[] fallbacks)
    {
        var options = new DjangoSigningOptions { SecretKey = Key, CookieSaltMode = mode };
        foreach (var fallback in fallbacks)
        {
            options.SecretKeyFallbacks.Add(fallback);
        }

        return new DjangoCookieSigner(Options.Create(options), clock, NullLogger<DjangoCookieSigner>.Instance);
    }
}
