using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.Contracts.MedicalSupply;
using TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.Testing;
using ActorType = TjanstePlattform.Contracts.Interoperability.ActorType;

namespace TjanstePlattform.SourceSystems.Tests.Support;

/// <summary>Typed calls through the router with the WCF consumer, one per operation, as the demo consumer unless told otherwise.</summary>
public sealed class Calls(TestPlatform platform, string sender = DemoWorldFixture.Consumer)
{
    public const string GmhPath = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";
    public const string GraPath = "crm/requeststatus/GetRequestActivities/1/rivtabp21";
    public const string SchedulingPath = "crm/scheduling/{0}/1/rivtabp21";
    public const string SupplyPath = "crm/selfservice/medicalsupply/{0}/1/rivtabp21";

    public Calls As(string otherSender) => new(platform, otherSender);

    public Task<GetMedicationHistoryResponse> MedicationHistoryAsync(string logicalAddress, GetMedicationHistoryType body, string? originalConsumer = null) =>
        Wcf.CallAsync<IGetMedicationHistoryResponderInterface, GetMedicationHistoryResponse>(platform.Router(GmhPath), sender,
            c => c.GetMedicationHistoryAsync(new GetMedicationHistoryRequest(logicalAddress, body)), originalConsumer);

    public Task<GetMedicationHistoryResponse> MedicationHistoryAsync(string logicalAddress, string patient, Action<GetMedicationHistoryType>? filters = null, string? originalConsumer = null)
    {
        var body = new GetMedicationHistoryType { PatientId = new PersonIdType { Id = patient, Type = "1.2.752.129.2.1.3.1" } };
        filters?.Invoke(body);
        return MedicationHistoryAsync(logicalAddress, body, originalConsumer);
    }

    public Task<GetRequestActivitiesResponse> RequestActivitiesAsync(string logicalAddress, GetRequestActivitiesType body) =>
        Wcf.CallAsync<IGetRequestActivitiesResponderInterface, GetRequestActivitiesResponse>(platform.Router(GraPath), sender,
            c => c.GetRequestActivitiesAsync(new GetRequestActivitiesRequest(logicalAddress, body)));

    public static ActorType Actor(string id, string type = ActorType.SubjectOfCare) => new() { ActorId = id, ActorTypeValue = type };

    public Task<GetSubjectOfCareScheduleResponse> ScheduleAsync(string logicalAddress, string patient, ActorType? actor, string? facility = null) =>
        Wcf.CallAsync<IGetSubjectOfCareScheduleResponder, GetSubjectOfCareScheduleResponse>(platform.Router(string.Format(SchedulingPath, "GetSubjectOfCareSchedule")), sender,
            c => c.GetSubjectOfCareScheduleAsync(new GetSubjectOfCareScheduleRequest
            {
                LogicalAddress = logicalAddress,
                Actor = actor,
                Body = new GetSubjectOfCareScheduleType { HealthcareFacility = facility ?? logicalAddress, SubjectOfCare = patient },
            }));

    public Task<GetBookingDetailsResponse> BookingDetailsAsync(string facility, string bookingId, ActorType? actor) =>
        Wcf.CallAsync<IGetBookingDetailsResponder, GetBookingDetailsResponse>(platform.Router(string.Format(SchedulingPath, "GetBookingDetails")), sender,
            c => c.GetBookingDetailsAsync(new GetBookingDetailsRequest
            {
                LogicalAddress = facility,
                Actor = actor,
                Body = new GetBookingDetailsType { HealthcareFacility = facility, BookingId = bookingId },
            }));

    public Task<GetAvailableTimeslotsResponse> AvailableAsync(string facility, string patient, ActorType? actor, string from = "20350101", string to = "20351231", string? timeType = null) =>
        Wcf.CallAsync<IGetAvailableTimeslotsResponder, GetAvailableTimeslotsResponse>(platform.Router(string.Format(SchedulingPath, "GetAvailableTimeslots")), sender,
            c => c.GetAvailableTimeslotsAsync(new GetAvailableTimeslotsRequest
            {
                LogicalAddress = facility,
                Actor = actor,
                Body = new GetAvailableTimeslotsType { HealthcareFacility = facility, StartDateInclusive = from, EndDateInclusive = to, TimeTypeId = timeType, SubjectOfCare = patient },
            }));

    public Task<MakeBookingResponse> MakeAsync(string facility, string patient, string start, string end, ActorType? actor, string? timeType = null) =>
        Wcf.CallAsync<IMakeBookingResponder, MakeBookingResponse>(platform.Router(string.Format(SchedulingPath, "MakeBooking")), sender,
            c => c.MakeBookingAsync(new MakeBookingRequest
            {
                LogicalAddress = facility,
                Actor = actor,
                Body = new MakeBookingType
                {
                    HealthcareFacilityMed = facility,
                    RequestedTimeslot = new TimeslotType
                    {
                        StartTimeInclusive = start, EndTimeExclusive = end, HealthcareFacility = facility, SubjectOfCare = patient, TimeTypeId = timeType, Reason = "Test",
                    },
                    SubjectOfCareInfo = new Contracts.Scheduling.SubjectOfCareType { FirstName = "Test", LastName = "Testsson", Phone = "0701234567" },
                    Notification = "SMS",
                },
            }));

    public Task<UpdateBookingResponse> UpdateAsync(string facility, string bookingId, string start, string end, ActorType? actor) =>
        Wcf.CallAsync<IUpdateBookingResponder, UpdateBookingResponse>(platform.Router(string.Format(SchedulingPath, "UpdateBooking")), sender,
            c => c.UpdateBookingAsync(new UpdateBookingRequest
            {
                LogicalAddress = facility,
                Actor = actor,
                Body = new UpdateBookingType { RequestedTimeslot = new TimeslotType { StartTimeInclusive = start, EndTimeExclusive = end, HealthcareFacility = facility, BookingId = bookingId } },
            }));

    public Task<CancelBookingResponse> CancelAsync(string facility, string bookingId, ActorType? actor) =>
        Wcf.CallAsync<ICancelBookingResponder, CancelBookingResponse>(platform.Router(string.Format(SchedulingPath, "CancelBooking")), sender,
            c => c.CancelBookingAsync(new CancelBookingRequest
            {
                LogicalAddress = facility,
                Actor = actor,
                Body = new CancelBookingType { HealthcareFacility = facility, BookingId = bookingId, Message = "Kan inte komma." },
            }));

    public Task<GetMedicalSupplyPrescriptionsResponse> PrescriptionsAsync(string region, string patient) =>
        Wcf.CallAsync<IGetMedicalSupplyPrescriptionsResponder, GetMedicalSupplyPrescriptionsResponse>(platform.Router(string.Format(SupplyPath, "GetMedicalSupplyPrescriptions")), sender,
            c => c.GetMedicalSupplyPrescriptionsAsync(new GetMedicalSupplyPrescriptionsRequest { LogicalAddress = region, Body = new GetMedicalSupplyPrescriptionsType { SubjectOfCareId = patient } }));

    public Task<GetMedicalSupplyDeliveryPointsResponse> DeliveryPointsAsync(string region, string postalCode, ServicePointProviderEnum provider) =>
        Wcf.CallAsync<IGetMedicalSupplyDeliveryPointsResponder, GetMedicalSupplyDeliveryPointsResponse>(platform.Router(string.Format(SupplyPath, "GetMedicalSupplyDeliveryPoints")), sender,
            c => c.GetMedicalSupplyDeliveryPointsAsync(new GetMedicalSupplyDeliveryPointsRequest
            {
                LogicalAddress = region,
                Body = new GetMedicalSupplyDeliveryPointsType { PostalCode = postalCode, ServicePointProvider = provider },
            }));

    public Task<RegisterMedicalSupplyOrderResponse> OrderAsync(string region, OrderType order) =>
        Wcf.CallAsync<IRegisterMedicalSupplyOrderResponder, RegisterMedicalSupplyOrderResponse>(platform.Router(string.Format(SupplyPath, "RegisterMedicalSupplyOrder")), sender,
            c => c.RegisterMedicalSupplyOrderAsync(new RegisterMedicalSupplyOrderRequest { LogicalAddress = region, Body = new RegisterMedicalSupplyOrderType { Order = order } }));
}
