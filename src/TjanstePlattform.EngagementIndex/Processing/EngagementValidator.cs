using System.Globalization;
using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Processing;

/// <summary>
/// The rules of Update and ProcessNotification, in the reference's order per transaction: key uniqueness (R1),
/// surrounding white space, reserved HSA-ids, mandatory fields, lengths, timestamps. The first broken rule wins.
/// </summary>
internal static class EngagementValidator
{
    public const int MinEngagements = 1;
    public const int MaxEngagements = 1000;
    public const string TimestampFormat = "yyyyMMddHHmmss";

    /// <summary>
    /// Validates the transactions and returns their keys (in order). <paramref name="forcedOwner"/> is the index's own
    /// id for Update (the owner in the request is ignored) and null for ProcessNotification, where the owner is mandatory.
    /// </summary>
    public static EngagementKey[] Validate(IReadOnlyList<EngagementTransactionType> transactions, string? forcedOwner, IReadOnlySet<string> reserved)
    {
        if (transactions.Count < MinEngagements)
        {
            throw EngagementIndexFault.TooFew();
        }

        if (transactions.Count > MaxEngagements)
        {
            throw EngagementIndexFault.TooMany();
        }

        var seen = new Dictionary<EngagementKey, int>(transactions.Count);
        var keys = new EngagementKey[transactions.Count];
        for (var i = 0; i < transactions.Count; i++)
        {
            var number = i + 1;
            var e = transactions[i].Engagement ?? throw EngagementIndexFault.Invalid("mandatory field \"engagement\" is missing");

            var key = EngagementKey.Of(
                e.RegisteredResidentIdentification, e.ServiceDomain, e.Categorization, e.LogicalAddress,
                e.BusinessObjectInstanceIdentifier, e.ClinicalProcessInterestId, e.SourceSystem, e.DataController,
                forcedOwner ?? e.Owner);
            if (!seen.TryAdd(key, number))
            {
                throw EngagementIndexFault.DuplicateKeys(seen[key], number);
            }

            keys[i] = key;

            NoSurroundingWhiteSpace("registeredResidentIdentification", e.RegisteredResidentIdentification);
            NoSurroundingWhiteSpace("serviceDomain", e.ServiceDomain);
            NoSurroundingWhiteSpace("categorization", e.Categorization);
            NoSurroundingWhiteSpace("logicalAddress", e.LogicalAddress);
            NoSurroundingWhiteSpace("businessObjectInstanceIdentifier", e.BusinessObjectInstanceIdentifier);
            NoSurroundingWhiteSpace("clinicalProcessInterestId", e.ClinicalProcessInterestId);
            NoSurroundingWhiteSpace("sourceSystem", e.SourceSystem);
            NoSurroundingWhiteSpace("dataController", e.DataController);
            if (forcedOwner is null)
            {
                NoSurroundingWhiteSpace("owner", e.Owner);
            }

            // An aggregating service indexed under its own address would call itself without end.
            if (e.LogicalAddress is not null && reserved.Contains(e.LogicalAddress))
            {
                throw EngagementIndexFault.ReservedLogicalAddress(number, e.LogicalAddress);
            }

            if (e.SourceSystem is not null && reserved.Contains(e.SourceSystem))
            {
                throw EngagementIndexFault.ReservedSourceSystem(number, e.SourceSystem);
            }

            // categorization, businessObjectInstanceIdentifier and clinicalProcessInterestId may be empty: they count as NA.
            Mandatory("registeredResidentIdentification", e.RegisteredResidentIdentification);
            Mandatory("serviceDomain", e.ServiceDomain);
            Mandatory("logicalAddress", e.LogicalAddress);
            Mandatory("sourceSystem", e.SourceSystem);
            Mandatory("dataController", e.DataController);
            if (forcedOwner is null)
            {
                Mandatory("owner", e.Owner);
            }

            MaxLength("registeredResidentIdentification", e.RegisteredResidentIdentification, 32);
            MaxLength("serviceDomain", e.ServiceDomain, 255);
            MaxLength("categorization", e.Categorization, 255);
            MaxLength("logicalAddress", e.LogicalAddress, 64);
            MaxLength("businessObjectInstanceIdentifier", e.BusinessObjectInstanceIdentifier, 128);
            MaxLength("clinicalProcessInterestId", e.ClinicalProcessInterestId, 128);
            MaxLength("sourceSystem", e.SourceSystem, 64);
            MaxLength("dataController", e.DataController, 64);
            MaxLength("owner", forcedOwner is null ? e.Owner : null, 64);
            MaxLength("mostRecentContent", e.MostRecentContent, 14);
            MaxLength("updateTime", e.UpdateTime, 14);
            MaxLength("creationTime", e.CreationTime, 14);

            Timestamp("mostRecentContent", e.MostRecentContent);
            Timestamp("updateTime", e.UpdateTime);
            Timestamp("creationTime", e.CreationTime);
        }

        return keys;
    }

    /// <summary>Checks an optional timestamp field (EI004 when it is not a strict <c>yyyyMMddHHmmss</c>).</summary>
    public static void Timestamp(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !IsTimestamp(value))
        {
            throw EngagementIndexFault.Invalid($"Field \"{name}\": Input date is not according to expected format \"YYYYMMDDhhmmss\": {value}");
        }
    }

    /// <summary>Strict: exactly 14 digits forming a real calendar time.</summary>
    public static bool IsTimestamp(string value) =>
        value.Length == 14
        && DateTime.TryParseExact(value, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void NoSurroundingWhiteSpace(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value) && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            throw EngagementIndexFault.Invalid($"mandatory field \"{name}\" contains white space in beginning or end");
        }
    }

    private static void Mandatory(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw EngagementIndexFault.Invalid($"mandatory field \"{name}\" is missing");
        }
    }

    private static void MaxLength(string name, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw EngagementIndexFault.Invalid($"Field \"{name}\" is to long");
        }
    }
}
