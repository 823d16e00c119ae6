using TjanstePlattform.Contracts.EngagementIndex;
using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.EngagementIndex.Processing;

/// <summary>Between the wire type and the stored engagement.</summary>
internal static class EngagementMapping
{
    /// <summary>A validated wire engagement as stored: NA for unused fields, the given owner, times left to the index.</summary>
    public static Engagement ToEngagement(EngagementType e, string owner) => new(
        e.RegisteredResidentIdentification!,
        e.ServiceDomain!,
        EngagementKey.OrNotApplicable(e.Categorization),
        e.LogicalAddress!,
        EngagementKey.OrNotApplicable(e.BusinessObjectInstanceIdentifier),
        EngagementKey.OrNotApplicable(e.ClinicalProcessInterestId),
        string.IsNullOrEmpty(e.MostRecentContent) ? null : e.MostRecentContent,
        e.SourceSystem!,
        e.DataController!,
        owner,
        CreationTime: null,
        UpdateTime: null);

    public static EngagementType ToWire(Engagement e) => new()
    {
        RegisteredResidentIdentification = e.RegisteredResidentIdentification,
        ServiceDomain = e.ServiceDomain,
        Categorization = e.Categorization,
        LogicalAddress = e.LogicalAddress,
        BusinessObjectInstanceIdentifier = e.BusinessObjectInstanceIdentifier,
        ClinicalProcessInterestId = e.ClinicalProcessInterestId,
        MostRecentContent = e.MostRecentContent,
        SourceSystem = e.SourceSystem,
        CreationTime = e.CreationTime,
        UpdateTime = e.UpdateTime,
        DataController = e.DataController,
        Owner = e.Owner,
    };
}
