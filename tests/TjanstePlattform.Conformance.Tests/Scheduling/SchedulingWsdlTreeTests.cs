namespace TjanstePlattform.Conformance.Tests.Scheduling;

/// <summary>
/// The project's crm:scheduling tree (wsdl/crm_scheduling) says what the official 1.1 release says: each
/// interaction WSDL has the official namespaces, operation, soapAction, message parts and header bindings,
/// imports only files of the tree, and agrees with the WCF contract types.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchedulingWsdlTreeTests
{
    [TestCaseSource(typeof(SchedulingContracts), nameof(SchedulingContracts.Cases))]
    public void Interaction_wsdl_matches_the_official_one_and_the_contract_types(ContractUnderTest contract)
        => WsdlChecks.AssertMatches(contract, SchedulingContracts.OfficialTree, SchedulingContracts.ProjectTree);
}
