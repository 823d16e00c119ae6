using System.ServiceModel;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;

/// <summary>The GetRequestActivities request: <c>LogicalAddress</c> header and <c>GetRequestActivities</c> body.</summary>
[MessageContract(IsWrapped = false)]
public sealed class GetRequestActivitiesRequest
{
    public GetRequestActivitiesRequest()
    {
    }

    public GetRequestActivitiesRequest(string logicalAddress, GetRequestActivitiesType body)
    {
        LogicalAddress = logicalAddress;
        GetRequestActivities = body;
    }

    /// <summary>Receiver (logisk adress): a source system, or <c>5565594230</c> for the aggregating service.</summary>
    [MessageHeader(Name = LogicalAddressHeader.Name, Namespace = LogicalAddressHeader.Namespace)]
    public string? LogicalAddress { get; set; }

    [MessageBodyMember(Name = "GetRequestActivities", Namespace = RequestStatusNamespaces.GetRequestActivitiesResponder, Order = 0)]
    public GetRequestActivitiesType GetRequestActivities { get; set; } = new();
}

/// <summary>The GetRequestActivities response; the aggregating service adds a <c>ProcessingStatus</c> header.</summary>
[MessageContract(IsWrapped = false)]
public sealed class GetRequestActivitiesResponse
{
    public GetRequestActivitiesResponse()
    {
    }

    public GetRequestActivitiesResponse(GetRequestActivitiesResponseType body, ProcessingStatusType? processingStatus = null)
    {
        GetRequestActivitiesResponseValue = body;
        ProcessingStatus = processingStatus;
    }

    [MessageHeader(Name = HeaderNamespaces.ProcessingStatusElement, Namespace = HeaderNamespaces.InteroperabilityHeaders)]
    public ProcessingStatusType? ProcessingStatus { get; set; }

    [MessageBodyMember(Name = "GetRequestActivitiesResponse", Namespace = RequestStatusNamespaces.GetRequestActivitiesResponder, Order = 0)]
    public GetRequestActivitiesResponseType GetRequestActivitiesResponseValue { get; set; } = new();
}
