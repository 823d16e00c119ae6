using System.ServiceModel;

namespace TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;

/// <summary>
/// GetRequestActivities 1 (RIVTA BP 2.1): the status events of a citizen's requests (remisser).
/// Usable by a System.ServiceModel client (ChannelFactory) and by a SoapCore endpoint alike.
/// </summary>
[ServiceContract(Namespace = RequestStatusNamespaces.GetRequestActivitiesResponder, Name = "GetRequestActivitiesResponderInterface")]
[XmlSerializerFormat]
public interface IGetRequestActivitiesResponderInterface
{
    [OperationContract(Name = "GetRequestActivities", Action = RequestStatusNamespaces.GetRequestActivitiesAction, ReplyAction = "*")]
    [XmlSerializerFormat]
    Task<GetRequestActivitiesResponse> GetRequestActivitiesAsync(GetRequestActivitiesRequest request);
}
