namespace Clinic.Caching.Internal;

/// <summary>
/// Passes every write straight to the client and, while capturing, keeps a copy up to a maximum size. Past that
/// size the copy is dropped and the rest streams through unbuffered.
/// </summary>
internal sealed class CaptureStream(Stream inner, long maximumSize) : Stream
{
    private MemoryStream? _copy;

    public bool Capturing { get; private set; }

    public bool Overflowed { get; private set; }

    public void StartCapture(long? contentLength)
    {
        if (contentLength > maximumSize)
        {
            Overflowed = true;
            return;
        }

        Capturing = true;
        _copy = new MemoryStream(contentLength is { } length ? (int)length : 4096);
    }

    public ReadOnlySpan<byte> Captured => _copy is null || Overflowed ? default : _copy.GetBuffer().AsSpan(0, (int)_copy.Length);

    private void Keep(ReadOnlySpan<byte> data)
    {
        if (!Capturing || Overflowed || _copy is null)
        {
            return;
        }

        if (_copy.Length + data.Length > maximumSize)
        {
            Overflowed = true;
            _copy = null;
            return;
        }

        _copy.Write(data);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Keep(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        Keep(buffer.Span);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
