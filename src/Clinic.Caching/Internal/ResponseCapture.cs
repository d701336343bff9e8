using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Clinic.Caching.Internal;

/// <summary>
/// The response body of a miss: every write goes straight to the server's own pipe (no second buffer in between,
/// whether the page writes to <c>Response.Body</c> or <c>Response.BodyWriter</c>) and is copied once into a pooled
/// buffer, up to the maximum size. Writes before the store decision are kept tentatively (some servers only start
/// the response at the first flush); <see cref="Decide"/> keeps or drops them. Past the maximum the copy is dropped
/// and the rest streams through unbuffered.
/// </summary>
internal sealed class ResponseCapture : Stream, IHttpResponseBodyFeature
{
    private const int InitialSize = 4096;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly long _maximumSize;
    private readonly TeePipeWriter _writer;
    private byte[]? _buffer;
    private int _length;
    private bool _decided;

    public ResponseCapture(IHttpResponseBodyFeature inner, long maximumSize)
    {
        _inner = inner;
        _maximumSize = maximumSize;
        _writer = new TeePipeWriter(this, inner.Writer);
    }

    /// <summary>True once the response was judged storable and the copy is still within the maximum size.</summary>
    public bool Capturing => _decided && _buffer is not null;

    public bool Overflowed { get; private set; }

    /// <summary>The body written so far; valid until <see cref="Release"/>.</summary>
    public ReadOnlySpan<byte> Captured => _buffer is null ? default : _buffer.AsSpan(0, _length);

    /// <summary>Keeps the copy when the response is storable (and not announced as too large); drops it otherwise.</summary>
    public void Decide(bool store, long? contentLength)
    {
        _decided = true;
        if (store && contentLength > _maximumSize)
        {
            Overflowed = true;
        }

        if (!store || Overflowed)
        {
            Release();
            return;
        }

        if (contentLength is { } announced && (_buffer is null || _buffer.Length < announced))
        {
            Grow((int)announced);
        }

        _buffer ??= ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>Returns the pooled buffer; nothing is captured afterwards.</summary>
    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _length = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Keep(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || Overflowed || (_decided && _buffer is null))
        {
            return;
        }

        if (_length + (long)data.Length > _maximumSize)
        {
            Overflowed = true;
            Release();
            return;
        }

        if (_buffer is null || _buffer.Length - _length < data.Length)
        {
            Grow(_length + data.Length);
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    private void Grow(int needed)
    {
        var size = Math.Max(needed, Math.Max(InitialSize, (_buffer?.Length ?? 0) * 2));
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(size, Math.Max(needed, _maximumSize)));
        if (_buffer is { } old)
        {
            old.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(old);
        }

        _buffer = larger;
    }

    // IHttpResponseBodyFeature: the server's feature with this stream and the tee writer in front.
    Stream IHttpResponseBodyFeature.Stream => this;

    PipeWriter IHttpResponseBodyFeature.Writer => _writer;

    void IHttpResponseBodyFeature.DisableBuffering() => _inner.DisableBuffering();

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => _inner.StartAsync(cancellationToken);

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) =>
        SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

    Task IHttpResponseBodyFeature.CompleteAsync() => _inner.CompleteAsync();

    // Stream: writes go to the server's pipe writer directly; synchronous writes to its stream (which enforces AllowSynchronousIO).
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _inner.Stream.Write(buffer);
        Keep(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        var flush = _inner.Writer.WriteAsync(buffer, cancellationToken);
        return flush.IsCompletedSuccessfully ? ValueTask.CompletedTask : AwaitFlush(flush);
    }

    private static async ValueTask AwaitFlush(ValueTask<FlushResult> flush) => await flush;

    public override void Flush() => _inner.Stream.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.Writer.FlushAsync(cancellationToken).AsTask();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    /// <summary>Hands out the server's own memory and copies what the page committed with <see cref="Advance"/>.</summary>
    private sealed class TeePipeWriter(ResponseCapture owner, PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _handedOut;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _handedOut = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_handedOut = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            if (bytes > 0)
            {
                owner.Keep(_handedOut.Span[..bytes]);
            }

            _handedOut = default;
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            owner.Keep(source.Span);
            return inner.WriteAsync(source, cancellationToken);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
