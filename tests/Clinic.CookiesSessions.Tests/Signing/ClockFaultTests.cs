using Clinic.CookiesSessions.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Signing;

/// <summary>SIGN-03: the max-age boundary and broken clocks or timestamps.</summary>
[Trait("Case", "SIGN-03")]
public sealed class ClockFaultTests
{
    private const string Key = "clock-test-key";
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(123_456_789);

    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(10, 11, true)]
    [InlineData(10, 12, true)]
    [InlineData(11, 10, false)]
    [InlineData(11, 11, true)]
    [InlineData(11, 12, true)]
    [InlineData(12, 10, false)]
    [InlineData(12, 11, false)]
    [InlineData(12, 12, true)]
    public void Unsign_AgeAgainstMaxAge_ValidIffAgeAtMostMaxAge(int elapsed, int maxAge, bool valid)
    {
        var clock = new FakeTimeProvider(Start);
        var signer = new TimestampSigner(Key, timeProvider: clock);
        var signed = signer.Sign("v");
        clock.Advance(TimeSpan.FromSeconds(elapsed));

        var ex = Record.Exception(() => signer.Unsign(signed, TimeSpan.FromSeconds(maxAge)));

        if (valid)
        {
            Assert.Null(ex);
        }
        else
        {
            Assert.IsType<SignatureExpired>(ex);
        }
    }

    [Fact]
    public void Unsign_TimestampTenYearsAhead_ThrowsBadSignature()
    {
        var future = new TimestampSigner(Key, timeProvider: new FakeTimeProvider(Start.AddYears(10))).Sign("v");
        var reader = new TimestampSigner(Key, timeProvider: new FakeTimeProvider(Start));

        Assert.IsType<BadSignature>(Record.Exception(() => reader.Unsign(future, TimeSpan.FromDays(1))));
    }

    [Fact]
    public void Unsign_TimestampWithinSkew_IsAccepted()
    {
        var ahead = new TimestampSigner(Key, timeProvider: new FakeTimeProvider(Start.AddMinutes(4))).Sign("v");
        Assert.Equal("v", new TimestampSigner(Key, timeProvider: new FakeTimeProvider(Start)).Unsign(ahead, TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("zzzzzzzzzzzzzzzzzzzz")]
    [InlineData("-1c")]
    [InlineData("")]
    [InlineData("zzzzzzzzzzz")]
    [InlineData("1.5")]
    public void Unsign_ValidlySignedBadTimestamp_ThrowsBadSignature(string timestamp)
    {
        // Signed with the right key, so only the timestamp check can refuse it.
        var raw = new Signer(Key, "django.core.signing.TimestampSigner").Sign("v:" + timestamp);
        var reader = new TimestampSigner(Key, timeProvider: new FakeTimeProvider(Start));

        Assert.IsType<BadSignature>(Record.Exception(() => reader.Unsign(raw, TimeSpan.FromDays(1))));
        Assert.IsType<BadSignature>(Record.Exception(() => reader.Unsign(raw)));
    }

    [Fact]
    public void Base62_EncodeDecode_RoundTripsAndMatchesDjangoDigits()
    {
        Assert.Equal("0", DjangoBase62.Encode(0));
        Assert.Equal("z", DjangoBase62.Encode(61));
        Assert.Equal("10", DjangoBase62.Encode(62));
        Assert.True(DjangoBase62.TryDecode(DjangoBase62.Encode(long.MaxValue), out var max));
        Assert.Equal(long.MaxValue, max);
    }
}
