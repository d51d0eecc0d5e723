namespace Anju.Host.Attachments;

/// <summary>The type of an upload from its first bytes (magic numbers): JPEG, PNG, WebP and PDF.</summary>
internal static class FileSignature
{
    public static readonly IReadOnlyList<string> Known = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

    public static async Task<string?> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[12];
        var read = 0;
        while (read < head.Length)
        {
            var n = await content.ReadAsync(head.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Detect(head.AsSpan(0, read));
    }

    public static string? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        _ => null,
    };
}
