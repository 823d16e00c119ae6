using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Contracts.RequestStatus;
using TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Soap;

namespace TjanstePlattform.SourceSystems.Journal;

/// <summary>
/// Journal systems (journalsystem): GetMedicationHistory 2 from the patient's medication records, with the request
/// filters as the contract's rules say, and GetRequestActivities 1 (remisstatus) where the system has request data.
/// Read-only: the data comes from the data file.
/// </summary>
internal sealed class JournalService
{
    public const string GetMedicationHistoryInteraction = "GetMedicationHistory";
    public const string GetRequestActivitiesInteraction = "GetRequestActivities";

    public IReadOnlyList<SourceSystemOperation> Operations(JournalSystemData system)
    {
        var operations = new List<SourceSystemOperation>
        {
            SourceSystemOperation.Create<GetMedicationHistoryType, GetMedicationHistoryResponseType>(
                GetMedicationHistoryInteraction, "2", ActOutcomeNamespaces.GetMedicationHistoryResponder, [ActOutcomeNamespaces.Core, ActOutcomeNamespaces.Core21],
                (call, request) => Task.FromResult(GetMedicationHistory(system, call, request))) with
            {
                // MedicationRecordMapper hands out one object per stored record.
                SharedRecordElement = "medicationMedicalRecord",
            },
        };
        if (system.RequestActivities is not null)
        {
            operations.Add(SourceSystemOperation.Create<GetRequestActivitiesType, GetRequestActivitiesResponseType>(
                GetRequestActivitiesInteraction, "1", RequestStatusNamespaces.GetRequestActivitiesResponder, [RequestStatusNamespaces.Core],
                (call, request) => Task.FromResult(GetRequestActivities(system, request))));
        }

        return operations;
    }

    /// <summary>
    /// The contract's rules, in order: sourceSystemHSAId, when given, must be the LogicalAddress the call was sent to;
    /// careContactId is only meaningful with sourceSystemHSAId. Both break as <c>result</c> ERROR / INVALID_REQUEST
    /// (HTTP 200), as the official contract test suite expects. Then every given filter narrows the answer.
    /// </summary>
    public static GetMedicationHistoryResponseType GetMedicationHistory(JournalSystemData system, SoapCall call, GetMedicationHistoryType request)
    {
        var sourceSystem = string.IsNullOrWhiteSpace(request.SourceSystemHSAId) ? null : request.SourceSystemHSAId.Trim();
        var careContacts = request.CareContactId.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (sourceSystem is not null && !string.Equals(sourceSystem, call.LogicalAddress?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Invalid(call, $"sourceSystemHSAId ({sourceSystem}) skiljer sig från LogicalAddress ({call.LogicalAddress ?? "saknas"}).");
        }

        if (careContacts.Count > 0 && sourceSystem is null)
        {
            return Invalid(call, "careContactId får bara anges tillsammans med sourceSystemHSAId.");
        }

        var portal = call.OriginalConsumer is { } consumer
            && system.PatientPortalConsumers.Any(c => string.Equals(c, consumer, StringComparison.OrdinalIgnoreCase));
        var patient = request.PatientId.Id.Trim();
        var ownSource = sourceSystem is null || string.Equals(sourceSystem, system.HsaId, StringComparison.OrdinalIgnoreCase)
            || system.LogicalAddresses.Contains(sourceSystem, StringComparer.OrdinalIgnoreCase);

        // One pass over the journal (a call per branch of every aggregated call lands here), then the answer's order.
        var matching = new List<(MedicationRecordData Record, int At)>();
        var all = ownSource ? system.MedicationRecords : [];
        for (var at = 0; at < all.Count; at++)
        {
            var r = all[at];
            if (r.PatientId == patient
                && (!portal || r.ApprovedForPatient)
                && (request.CareUnitHSAId.Count == 0 || request.CareUnitHSAId.Contains(r.CareUnit.HsaId, StringComparer.OrdinalIgnoreCase))
                && (request.CareGiverHSAId.Count == 0 || request.CareGiverHSAId.Contains(r.CareGiver.HsaId, StringComparer.OrdinalIgnoreCase))
                && (careContacts.Count == 0 || (r.CareContactId is not null && careContacts.Contains(r.CareContactId, StringComparer.Ordinal)))
                && (request.PrescriptionStatus is not { } status || r.PrescriptionStatus == status.ToString())
                && (request.PrescriptionChainId is not { } chain || SameId(system, r.PrescriptionChainId, chain))
                && (request.DatePeriod is not { } period || Overlaps(r, period)))
            {
                matching.Add((r, at));
            }
        }

        // By author time, then document id; the journal's own order last, so equal keys keep it (a stable sort).
        matching.Sort(static (x, y) =>
        {
            var by = string.CompareOrdinal(x.Record.AuthorTime, y.Record.AuthorTime);
            by = by != 0 ? by : string.CompareOrdinal(x.Record.DocumentId, y.Record.DocumentId);
            return by != 0 ? by : x.At.CompareTo(y.At);
        });
        var records = new List<MedicationMedicalRecordType>(matching.Count);
        foreach (var (record, _) in matching)
        {
            records.Add(MedicationRecordMapper.Map(system, record));
        }

        return new GetMedicationHistoryResponseType
        {
            MedicationMedicalRecord = records,
            Result = new ResultType { ResultCode = ResultCodeEnum.OK, LogId = call.LogId },
        };
    }

    public static GetRequestActivitiesResponseType GetRequestActivities(JournalSystemData system, GetRequestActivitiesType request)
    {
        var from = string.IsNullOrWhiteSpace(request.FromDate) ? null : request.FromDate.Trim();
        var to = string.IsNullOrWhiteSpace(request.ToDate) ? null : request.ToDate.Trim();
        var activities = (system.RequestActivities ?? [])
            .Where(a => a.SubjectOfCareId == request.SubjectOfCareId.Trim())
            .Where(a => request.CareUnitId.Count == 0 || (a.CareUnit is not null && request.CareUnitId.Contains(a.CareUnit, StringComparer.OrdinalIgnoreCase)))
            .Where(a => request.TypeOfRequest.Count == 0 || request.TypeOfRequest.Contains((RequestTypeCodeEnum)a.TypeOfRequest))
            .Where(a => from is null || string.CompareOrdinal(a.EventTime, Pad(from)) >= 0)
            .Where(a => to is null || string.CompareOrdinal(a.EventTime, Pad(to, end: true)) <= 0)
            .OrderBy(a => a.EventTime, StringComparer.Ordinal)
            .Select(a => new RequestActivityType
            {
                SubjectOfCareId = a.SubjectOfCareId,
                SenderRequestId = a.SenderRequestId,
                ReceiverRequestId = a.ReceiverRequestId,
                TypeOfRequest = (RequestTypeCodeEnum)a.TypeOfRequest,
                RequestMedium = a.RequestMedium is { } medium ? (SubmissionMediumCodeEnum)medium : null,
                RequestIssuedByPersonName = a.RequestIssuedByPersonName,
                RequestIssuedByOrganizationalUnitId = a.RequestIssuedByOrganizationalUnitId,
                RequestIssuedByOrganizationalUnitDescription = a.RequestIssuedByOrganizationalUnitDescription,
                ReceivingPersonName = a.ReceivingPersonName,
                ReceivingOrganizationalUnitId = a.ReceivingOrganizationalUnitId,
                ReceivingOrganizationalUnitDescription = a.ReceivingOrganizationalUnitDescription,
                CareUnit = a.CareUnit,
                LogicalSystemId = a.LogicalSystemId ?? system.HsaId,
                StatusCode = (StatusCodeEnum)a.StatusCode,
                EventTime = a.EventTime,
            })
            .ToList();
        return new GetRequestActivitiesResponseType { RequestActivity = activities };
    }

    /// <summary>
    /// The treatment (startOfTreatment to endOfTreatment, open when missing) touches the period (its start and end dates
    /// inclusive, each optional). A record without startOfTreatment (an utsättning) is the moment it was written.
    /// </summary>
    private static bool Overlaps(MedicationRecordData record, DatePeriodType period)
    {
        var start = (record.StartOfTreatment ?? record.AuthorTime)[..8];
        var end = (record.EndOfTreatment ?? (record.StartOfTreatment is null ? record.AuthorTime : null))?[..8];
        var periodStart = string.IsNullOrWhiteSpace(period.Start) ? null : period.Start.Trim();
        var periodEnd = string.IsNullOrWhiteSpace(period.End) ? null : period.End.Trim();
        return (periodEnd is null || string.CompareOrdinal(start, periodEnd) <= 0)
            && (periodStart is null || end is null || string.CompareOrdinal(end, periodStart) >= 0);
    }

    /// <summary>Same extension; same root too when the request names one.</summary>
    private static bool SameId(JournalSystemData system, string? value, IIType requested) =>
        value is not null
        && string.Equals(value, requested.Extension?.Trim(), StringComparison.Ordinal)
        && (string.IsNullOrWhiteSpace(requested.Root) || string.Equals(requested.Root.Trim(), system.IdRoot, StringComparison.Ordinal));

    /// <summary>A date or a shorter timestamp as a full YYYYMMDDhhmmss bound.</summary>
    private static string Pad(string value, bool end = false) =>
        value.Length is >= 14 or < 8 ? value : value + (end ? "235959" : "000000")[(value.Length - 8)..];

    private static GetMedicationHistoryResponseType Invalid(SoapCall call, string message) => new()
    {
        Result = new ResultType
        {
            ResultCode = ResultCodeEnum.ERROR,
            ErrorCode = ErrorCodeEnum.INVALID_REQUEST,
            LogId = call.LogId,
            Message = message,
        },
    };
}
