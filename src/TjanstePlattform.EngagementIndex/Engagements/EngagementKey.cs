using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TjanstePlattform.EngagementIndex.Engagements;

/// <summary>
/// The identity of an engagement: every field except mostRecentContent, creationTime and updateTime.
/// Stored as the SHA-256 of the fields, each written as a 4-byte length followed by its UTF-8 bytes, so that
/// different splits of the same characters never meet. (The reference hashes the plain concatenation, so
/// <c>"ab"+"c"</c> and <c>"a"+"bc"</c> collide there.) Empty categorization, businessObjectInstanceIdentifier and
/// clinicalProcessInterestId count as <c>NA</c>.
/// </summary>
public readonly struct EngagementKey : IEquatable<EngagementKey>
{
    /// <summary>The value of an unused categorization, business object id or clinical process interest id.</summary>
    public const string NotApplicable = "NA";

    public const int Length = 32;

    private readonly byte[] _hash;

    private EngagementKey(byte[] hash) => _hash = hash;

    public ReadOnlySpan<byte> Bytes => _hash;

    /// <summary>The key as stored in the database.</summary>
    public byte[] ToArray() => (byte[])_hash.Clone();

    public static EngagementKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An engagement key is {Length} bytes.", nameof(bytes));
        }

        return new EngagementKey(bytes.ToArray());
    }

    /// <summary><c>NA</c> for null or empty, else the value itself.</summary>
    public static string OrNotApplicable(string? value) => string.IsNullOrEmpty(value) ? NotApplicable : value;

    /// <summary>The key of an engagement (its owner included).</summary>
    public static EngagementKey Of(Engagement engagement) => WithOwner(engagement, engagement.Owner);

    /// <summary>The key of the same engagement with another owner (a locally owned twin of a remote engagement).</summary>
    public static EngagementKey WithOwner(Engagement engagement, string owner) => Of(
        engagement.RegisteredResidentIdentification,
        engagement.ServiceDomain,
        engagement.Categorization,
        engagement.LogicalAddress,
        engagement.BusinessObjectInstanceIdentifier,
        engagement.ClinicalProcessInterestId,
        engagement.SourceSystem,
        engagement.DataController,
        owner);

    public static EngagementKey Of(
        string? registeredResidentIdentification,
        string? serviceDomain,
        string? categorization,
        string? logicalAddress,
        string? businessObjectInstanceIdentifier,
        string? clinicalProcessInterestId,
        string? sourceSystem,
        string? dataController,
        string? owner)
    {
        ReadOnlySpan<string?> fields =
        [
            registeredResidentIdentification ?? "",
            serviceDomain ?? "",
            OrNotApplicable(categorization),
            logicalAddress ?? "",
            OrNotApplicable(businessObjectInstanceIdentifier),
            OrNotApplicable(clinicalProcessInterestId),
            sourceSystem ?? "",
            dataController ?? "",
            owner ?? "",
        ];

        var size = 0;
        foreach (var field in fields)
        {
            size += 4 + Encoding.UTF8.GetByteCount(field!);
        }

        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var offset = 0;
            foreach (var field in fields)
            {
                var written = Encoding.UTF8.GetBytes(field!, rented.AsSpan(offset + 4));
                BinaryPrimitives.WriteInt32LittleEndian(rented.AsSpan(offset, 4), written);
                offset += 4 + written;
            }

            return new EngagementKey(SHA256.HashData(rented.AsSpan(0, size)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public bool Equals(EngagementKey other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is EngagementKey other && Equals(other);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_hash);

    public override string ToString() => Convert.ToHexStringLower(_hash);

    public static bool operator ==(EngagementKey left, EngagementKey right) => left.Equals(right);

    public static bool operator !=(EngagementKey left, EngagementKey right) => !left.Equals(right);
}
