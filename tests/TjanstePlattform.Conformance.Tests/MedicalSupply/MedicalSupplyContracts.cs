using TjanstePlattform.Conformance.Tests.Scheduling;
using TjanstePlattform.Contracts.MedicalSupply;

namespace TjanstePlattform.Conformance.Tests.MedicalSupply;

/// <summary>The three crm:selfservice:medicalsupply 1.0 contracts, and where their schemas and samples are.</summary>
public static class MedicalSupplyContracts
{
    public const string OfficialTree = "crm_selfservice_medicalsupply_1.0";

    public const string ProjectTree = "crm_selfservice_medicalsupply";

    public static readonly ContractUnderTest GetMedicalSupplyPrescriptions = new(
        "GetMedicalSupplyPrescriptions", MedicalSupplyNamespaces.GetMedicalSupplyPrescriptionsResponder, typeof(IGetMedicalSupplyPrescriptionsResponder),
        typeof(GetMedicalSupplyPrescriptionsRequest), typeof(GetMedicalSupplyPrescriptionsResponse),
        MedicalSupplyNamespaces.Actions.GetMedicalSupplyPrescriptions, HasActor: false, WsdlVersion: "1.0");

    public static readonly ContractUnderTest GetMedicalSupplyDeliveryPoints = new(
        "GetMedicalSupplyDeliveryPoints", MedicalSupplyNamespaces.GetMedicalSupplyDeliveryPointsResponder, typeof(IGetMedicalSupplyDeliveryPointsResponder),
        typeof(GetMedicalSupplyDeliveryPointsRequest), typeof(GetMedicalSupplyDeliveryPointsResponse),
        MedicalSupplyNamespaces.Actions.GetMedicalSupplyDeliveryPoints, HasActor: false, WsdlVersion: "1.0");

    public static readonly ContractUnderTest RegisterMedicalSupplyOrder = new(
        "RegisterMedicalSupplyOrder", MedicalSupplyNamespaces.RegisterMedicalSupplyOrderResponder, typeof(IRegisterMedicalSupplyOrderResponder),
        typeof(RegisterMedicalSupplyOrderRequest), typeof(RegisterMedicalSupplyOrderResponse),
        MedicalSupplyNamespaces.Actions.RegisterMedicalSupplyOrder, HasActor: false, WsdlVersion: "1.0");

    public static readonly IReadOnlyList<ContractUnderTest> All =
        [GetMedicalSupplyPrescriptions, GetMedicalSupplyDeliveryPoints, RegisterMedicalSupplyOrder];

    public static IEnumerable<TestCaseData> Cases() => All.Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));
}
