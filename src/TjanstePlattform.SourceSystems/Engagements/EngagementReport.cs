using TjanstePlattform.Contracts.EngagementIndex;

namespace TjanstePlattform.SourceSystems.Engagements;

/// <summary>
/// One engagement (engagemangspost) a source system reports to EI: that it holds data of <see cref="ServiceDomain"/>
/// on <see cref="Resident"/>. <see cref="Delete"/> removes it (deleteFlag).
/// </summary>
internal sealed record EngagementReport(
    string Resident,
    string ServiceDomain,
    string Categorization,
    string LogicalAddress,
    string BusinessObjectInstanceIdentifier,
    string SourceSystem,
    string DataController,
    string? MostRecentContent,
    bool Delete = false)
{
    /// <summary>Not applicable, as EI spells an unused key field.</summary>
    public const string NotApplicable = "NA";

    /// <summary>The fields EI keys an engagement on (everything but the content time), case-insensitive where HSA-ids are.</summary>
    public (string, string, string, string, string, string, string) Key =>
        (Resident, ServiceDomain.ToUpperInvariant(), Categorization.ToUpperInvariant(), LogicalAddress.ToUpperInvariant(),
            BusinessObjectInstanceIdentifier, SourceSystem.ToUpperInvariant(), DataController.ToUpperInvariant());

    public EngagementReport AsDelete() => this with { Delete = true };

    public EngagementTransactionType ToTransaction() => new()
    {
        DeleteFlag = Delete,
        Engagement = new EngagementType
        {
            RegisteredResidentIdentification = Resident,
            ServiceDomain = ServiceDomain,
            Categorization = Categorization,
            LogicalAddress = LogicalAddress,
            BusinessObjectInstanceIdentifier = BusinessObjectInstanceIdentifier,
            ClinicalProcessInterestId = NotApplicable,
            MostRecentContent = MostRecentContent,
            SourceSystem = SourceSystem,
            DataController = DataController,
        },
    };
}

/// <summary>The service domains (tjänstedomäner) and categorizations the built-in systems index their data under.</summary>
internal static class EngagementDomains
{
    /// <summary>GetMedicationHistory; categorization <c>caa-gmh</c>, as the aggregating service asks for it.</summary>
    public const string Medication = "riv:clinicalprocess:activityprescription:actoutcome";

    public const string MedicationCategorization = "caa-gmh";

    /// <summary>GetRequestActivities; categorization = the request's typeOfRequest code (1–10).</summary>
    public const string RequestStatus = "riv:crm:requeststatus";

    /// <summary>Bookings; one engagement per booking (businessObjectInstanceIdentifier = bookingId).</summary>
    public const string Scheduling = "riv:crm:scheduling";

    /// <summary>Ordering of prescribed consumables; one engagement per patient and region.</summary>
    public const string MedicalSupply = "riv:crm:selfservice:medicalsupply";
}
