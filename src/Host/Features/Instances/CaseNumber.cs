using System.Security.Cryptography;

namespace Anju.Host.Features.Instances;

/// <summary>
/// The case number (编号) an API start without a business key gets: the filing day in China Standard Time and eight
/// characters of Crockford base32 (no I, L, O, U: read out over the phone without confusion) from a hash of the
/// instance id, e.g. <c>20261207-3F9K2M7Q</c>. The id is unique, so a case number repeats only when 40 bits of two
/// hashes on the same day agree (about one in 10⁹ for a thousand cases a day). An idempotent retry derives the same
/// instance id, hence the same number.
/// </summary>
public static class CaseNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>China Standard Time (UTC+8, no daylight saving), the day the case number names.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string For(Guid instanceId, DateTimeOffset now)
    {
        Span<byte> id = stackalloc byte[16];
        instanceId.TryWriteBytes(id, bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(id, hash);
        var bits = ((ulong)hash[0] << 32) | ((ulong)hash[1] << 24) | ((ulong)hash[2] << 16) | ((ulong)hash[3] << 8) | hash[4];
        Span<char> tail = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            tail[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{now.ToOffset(ChinaOffset):yyyyMMdd}-{tail}");
    }
}
