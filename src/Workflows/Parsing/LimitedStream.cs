namespace Anju.Workflows.Parsing;

/// <summary>
/// A read-only view of a stream that ends after a fixed number of bytes and remembers whether the underlying
/// stream had more.
/// </summary>
/// <remarks>
/// Ending the stream (rather than throwing) lets the XML reader fail in its usual way on the truncated
/// document; the caller then looks at <see cref="LimitExceeded"/> to report the real cause, the size. This
/// bounds memory and time by bytes, whatever the encoding or the shape of the document, and works for
/// streams that cannot tell their length (network bodies).
/// </remarks>
internal sealed class LimitedStream(Stream inner, long limit) : Stream
{
    private long consumed;

    /// <summary>True once a read found more bytes than the limit allows.</summary>
    public bool LimitExceeded { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => consumed;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || LimitExceeded)
        {
            return 0;
        }

        var remaining = limit - consumed;
        if (remaining <= 0)
        {
            // At the limit exactly: one probe byte tells a document of exactly the limit from a larger one.
            Span<byte> probe = stackalloc byte[1];
            LimitExceeded = inner.Read(probe) > 0;
            return 0;
        }

        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        consumed += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || LimitExceeded)
        {
            return 0;
        }

        var remaining = limit - consumed;
        if (remaining <= 0)
        {
            var probe = new byte[1];
            LimitExceeded = await inner.ReadAsync(probe, cancellationToken) > 0;
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, remaining)], cancellationToken);
        consumed += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
