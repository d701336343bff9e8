using System.Text;

namespace Clinic.CookiesSessions.Tests.Signing;

/// <summary>SIGN-01: every variant of a signed value fails with <see cref="BadSignature"/> and nothing else.</summary>
[Trait("Case", "SIGN-01")]
public sealed class TamperingTests
{
    private const string Key = "tamper-test-key";

    public static IEnumerable<string> Variants(string original)
    {
        for (var i = 0; i < original.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var flipped = (char)(original[i] ^ (1 << bit));
                yield return original[..i] + flipped + original[(i + 1)..];
            }

            yield return original.Remove(i, 1);
            yield return original.Insert(i, original[i].ToString());
        }

        yield return original.ToUpperInvariant();
        yield return original + "a";
        yield return "a" + original;
        yield return original.Replace(":", "", StringComparison.Ordinal);
        yield return "";
        yield return new string('a', 100_000) + ":" + new string('b', 43);
        yield return "hello:!!!!not-base64!!!!";
        yield return "hello:" + "é漢字😀";
        yield return "é漢字😀";
        yield return "d" + original[1..];
    }

    [Fact]
    public void Unsign_EveryTamperedVariant_ThrowsBadSignatureOnly()
    {
        var signer = new Signer(Key);
        var signed = signer.Sign("hello");
        var count = 0;
        foreach (var variant in Variants(signed).Where(v => v != signed))
        {
            var ex = Record.Exception(() => signer.Unsign(variant));
            Assert.True(ex is BadSignature && ex.GetType() == typeof(BadSignature), $"variant {count}: {ex?.GetType().Name ?? "accepted"}");
            count++;
        }

        Assert.True(count > 450, $"only {count} variants");
    }

    [Fact]
    public void Unsign_TimestampVariants_ThrowBadSignatureOnly()
    {
        var signer = new TimestampSigner(Key);
        var signed = signer.Sign("hello");
        foreach (var variant in Variants(signed).Where(v => v != signed))
        {
            var ex = Record.Exception(() => signer.Unsign(variant, TimeSpan.FromMinutes(1)));
            Assert.IsType<BadSignature>(ex);
        }
    }

    [Fact]
    public void UnsignObject_TamperedVariants_ThrowBadSignatureOnly()
    {
        var signer = new TimestampSigner(Key);
        var signed = signer.SignObject(new { a = "b" }, compress: true);
        foreach (var variant in Variants(signed).Where(v => v != signed))
        {
            Assert.IsType<BadSignature>(Record.Exception(() => signer.UnsignObject<Dictionary<string, string>>(variant, maxAge: null)));
        }
    }

    [Fact]
    public void Unsign_InvalidUtf16_ThrowsBadSignature()
    {
        var signer = new Signer(Key);
        var lone = "hello:" + '\ud800' + new string('A', 42);
        Assert.IsType<BadSignature>(Record.Exception(() => signer.Unsign(lone)));
        Assert.IsType<BadSignature>(Record.Exception(() => signer.Unsign(Encoding.Latin1.GetString(new byte[] { 0xff, 0x3a, 0x00 }))));
    }
}
