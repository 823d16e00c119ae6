using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TjanstePlattform.Routing.Headers;

/// <summary>
/// New correlation ids (<c>x-skltp-correlation-id</c>), in the random-UUID form the reference platform writes, without
/// asking the operating system for random bytes on every call: a random per-process prefix and a counter. Unique
/// within the process, and across processes with overwhelming probability. Not a secret, so not random per call.
/// </summary>
internal static class CorrelationIds
{
    private static readonly ulong Prefix = BinaryPrimitives.ReadUInt64BigEndian(RandomNumberGenerator.GetBytes(8));
    private static long _counter = BinaryPrimitives.ReadInt64BigEndian(RandomNumberGenerator.GetBytes(8)) & 0x00FF_FFFF_FFFF_FFFF;

    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Prefix);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (ulong)Interlocked.Increment(ref _counter));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
