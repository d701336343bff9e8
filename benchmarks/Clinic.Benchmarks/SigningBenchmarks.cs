using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Clinic.CookiesSessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Benchmarks;

/// <summary>
/// Django-format signing against the floor (one raw HMAC-SHA256 over the same bytes with a reused key) and against
/// Data Protection protect/unprotect of the same value.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SigningBenchmarks
{
    private const string Value = "k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8";
    private readonly byte[] _valueBytes = Encoding.UTF8.GetBytes(Value);
    private readonly byte[] _hmacKey = SHA256.HashData(Encoding.UTF8.GetBytes("saltsignerbenchmark-secret-key"));
    private readonly byte[] _expectedMac;
    private readonly Signer _signer = new("benchmark-secret-key", "salt");
    private readonly TimestampSigner _timestampSigner = new("benchmark-secret-key", "salt");
    private readonly IDataProtector _protector;
    private readonly string _signed;
    private readonly string _timestampSigned;
    private readonly byte[] _protected;

    public SigningBenchmarks()
    {
        _expectedMac = HMACSHA256.HashData(_hmacKey, _valueBytes);
        _signed = _signer.Sign(Value);
        _timestampSigned = _timestampSigner.Sign(Value);
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        _protector = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("benchmark");
        _protected = _protector.Protect(_valueBytes);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Sign")]
    public int RawHmacSha256_Sign()
    {
        Span<byte> mac = stackalloc byte[32];
        return HMACSHA256.HashData(_hmacKey, _valueBytes, mac);
    }

    [Benchmark]
    [BenchmarkCategory("Sign")]
    public string DjangoSigner_Sign() => _signer.Sign(Value);

    [Benchmark]
    [BenchmarkCategory("Sign")]
    public string DjangoTimestampSigner_Sign() => _timestampSigner.Sign(Value);

    [Benchmark]
    [BenchmarkCategory("Sign")]
    public byte[] DataProtection_Protect() => _protector.Protect(_valueBytes);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Verify")]
    public bool RawHmacSha256_Verify()
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_hmacKey, _valueBytes, mac);
        return CryptographicOperations.FixedTimeEquals(mac, _expectedMac);
    }

    [Benchmark]
    [BenchmarkCategory("Verify")]
    public string DjangoSigner_Unsign() => _signer.Unsign(_signed);

    [Benchmark]
    [BenchmarkCategory("Verify")]
    public string DjangoTimestampSigner_UnsignMaxAge() => _timestampSigner.Unsign(_timestampSigned, TimeSpan.FromHours(1));

    [Benchmark]
    [BenchmarkCategory("Verify")]
    public byte[] DataProtection_Unprotect() => _protector.Unprotect(_protected);
}
