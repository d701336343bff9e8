using System.Buffers;

namespace Clinic.Caching.Internal;

/// <summary>An exact-length view of an array rented from the shared pool; <see cref="Dispose"/> returns it.</summary>
internal sealed class PooledBytes(int length) : IDisposable
{
    private byte[]? _array = ArrayPool<byte>.Shared.Rent(length);

    public int Length { get; } = length;

    public Span<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsSpan(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
