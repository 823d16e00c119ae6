namespace TjanstePlattform.EngagementIndex.Engagements;

/// <summary>
/// One engagement (engagemangspost): a source system holds data of a service domain on a patient.
/// </summary>
public sealed record Engagement(
    string RegisteredResidentIdentification,
    string ServiceDomain,
    string Categorization,
    string LogicalAddress,
    string BusinessObjectInstanceIdentifier,
    string ClinicalProcessInterestId,
    string? MostRecentContent,
    string SourceSystem,
    string DataController,
    string Owner,
    string? CreationTime,
    string? UpdateTime);

/// <summary>A FindContent query: resident and service domain mandatory, every other given field an exact filter.</summary>
public sealed record EngagementQuery(
    string RegisteredResidentIdentification,
    string ServiceDomain,
    string? Categorization = null,
    string? LogicalAddress = null,
    string? BusinessObjectInstanceIdentifier = null,
    string? ClinicalProcessInterestId = null,
    string? MostRecentContentFrom = null,
    string? SourceSystem = null,
    string? DataController = null,
    string? Owner = null);

/// <summary>In-process FindContent, for the aggregating services (no SOAP hop needed).</summary>
public interface IEngagementFinder
{
    Task<IReadOnlyList<Engagement>> FindAsync(EngagementQuery query, CancellationToken cancellationToken = default);
}
