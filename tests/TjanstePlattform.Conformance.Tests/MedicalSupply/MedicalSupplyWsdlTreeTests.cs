using TjanstePlattform.Conformance.Tests.Scheduling;

namespace TjanstePlattform.Conformance.Tests.MedicalSupply;

/// <summary>
/// The project's crm:selfservice:medicalsupply tree (wsdl/crm_selfservice_medicalsupply) says what the official
/// 1.0 release says, imports only files of the tree, and agrees with the WCF contract types.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MedicalSupplyWsdlTreeTests
{
    [TestCaseSource(typeof(MedicalSupplyContracts), nameof(MedicalSupplyContracts.Cases))]
    public void Interaction_wsdl_matches_the_official_one_and_the_contract_types(ContractUnderTest contract)
        => WsdlChecks.AssertMatches(contract, MedicalSupplyContracts.OfficialTree, MedicalSupplyContracts.ProjectTree);
}
