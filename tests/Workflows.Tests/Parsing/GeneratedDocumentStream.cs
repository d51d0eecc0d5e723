using System.Text;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// A stream that produces a BPMN document of any length without holding it in memory: a fixed header, then
/// filler inside an XML comment, then a fixed footer. Used to test size limits with tens of megabytes.
/// </summary>
internal sealed class GeneratedDocumentStream : Stream
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S" /><bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E" /></bpmn:process><!--""");

    private static readonly byte[] Footer = Encoding.UTF8.GetBytes("--></bpmn:definitions>");

    private readonly long length;
    private readonly bool seekable;
    private long position;

    /// <param name="length">Total length in bytes; must leave room for header and footer.</param>
    /// <param name="seekable">Whether the stream tells its length up front, like a file.</param>
    public GeneratedDocumentStream(long length, bool seekable = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, Header.Length + Footer.Length);
        this.length = length;
        this.seekable = seekable;
    }

    /// <summary>The highest number of bytes handed out, to prove that reading stopped early.</summary>
    public long BytesRead => position;

    public override bool CanRead => true;
    public override bool CanSeek => seekable;
    public override bool CanWrite => false;
    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(position + i);
        }

        position += count;
        return count;
    }

    private byte ByteAt(long index)
    {
        if (index < Header.Length)
        {
            return Header[index];
        }

        var fromEnd = length - index;
        return fromEnd <= Footer.Length ? Footer[Footer.Length - fromEnd] : (byte)'x';
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
