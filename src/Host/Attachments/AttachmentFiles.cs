namespace Anju.Host.Attachments;

/// <summary>
/// Where an uploaded attachment's bytes are written: a file under the data folder. A seam so that tests can
/// make the disk fail (ENOSPC) without filling one; register another implementation to replace it.
/// </summary>
public interface IAttachmentFiles
{
    /// <summary>A new, empty file at <paramref name="path"/>, open for writing.</summary>
    Stream Create(string path);
}

public sealed class AttachmentFiles : IAttachmentFiles
{
    public static readonly AttachmentFiles Disk = new();

    public Stream Create(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true);
}
