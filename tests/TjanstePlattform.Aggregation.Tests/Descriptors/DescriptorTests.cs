using Microsoft.Extensions.Options;
using TjanstePlattform.Aggregation.Descriptors;

namespace TjanstePlattform.Aggregation.Tests.Descriptors;

/// <summary>Descriptors are configuration: the built-ins are valid, defaults are derived, bad ones are named precisely.</summary>
public class DescriptorTests
{
    [Test]
    public void The_built_in_descriptors_are_valid_and_derive_their_names_and_paths_from_the_namespace()
    {
        var contracts = BuiltInContracts.Create().ToDictionary(
            c => c.Key,
            c => AggregatedContract.TryCreate(c.Key, c.Value, out var problems) ?? throw new AssertionException(string.Join("; ", problems)));

        var gmh = contracts[BuiltInContracts.GetMedicationHistory];
        Assert.That(gmh.RequestElement, Is.EqualTo("GetMedicationHistory"));
        Assert.That(gmh.ResponseElement, Is.EqualTo("GetMedicationHistoryResponse"));
        Assert.That(gmh.Path, Is.EqualTo("/platform/aggregation/GetMedicationHistory/2/rivtabp21"));
        Assert.That(gmh.RouterPath, Is.EqualTo("clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21"));
        Assert.That(gmh.Categorizations, Is.EqualTo(new[] { "caa-gmh" }));
        Assert.That(gmh.PatientIdPath, Is.EqualTo(new[] { "patientId", "id" }));
        Assert.That(gmh.FanOutKey, Is.EqualTo(EngagementField.SourceSystem));
        Assert.That(gmh.Closing!.Name.LocalName, Is.EqualTo("result"));
        Assert.That(gmh.Closing.Name.NamespaceName, Is.EqualTo(BuiltInContracts.GetMedicationHistoryNamespace), "unprefixed closing elements are in the contract namespace");
        Assert.That(gmh.Closing.Elements().Select(e => e.Name.NamespaceName).Distinct(), Is.EqualTo(new[] { "urn:riv:clinicalprocess:activityprescription:actoutcome:2" }));

        var schedule = contracts[BuiltInContracts.GetSubjectOfCareSchedule];
        Assert.That(schedule.Path, Is.EqualTo("/platform/aggregation/GetSubjectOfCareSchedule/1/rivtabp21"));
        Assert.That(schedule.RouterPath, Is.EqualTo("crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21"));
        Assert.That(schedule.FanOutKey, Is.EqualTo(EngagementField.LogicalAddress));
        Assert.That(schedule.SetToProducerAddress, Is.EquivalentTo(new[] { "healthcare_facility" }));
        Assert.That(schedule.Closing, Is.Null);

        var requests = contracts[BuiltInContracts.GetRequestActivities];
        Assert.That(requests.CategorizationFilter, Is.EqualTo("typeOfRequest"));
        Assert.That(requests.Record, Is.EqualTo("requestActivity"));
    }

    [Test]
    public void A_bad_descriptor_is_refused_with_every_problem_named()
    {
        var options = new AggregatedContractOptions
        {
            Namespace = "urn:example:not-a-responder",
            PatientId = "",
            Record = "not a name",
            Closing = "<result><unclosed></result>",
        };

        var contract = AggregatedContract.TryCreate("Broken", options, out var problems);

        Assert.That(contract, Is.Null);
        Assert.That(problems, Has.Some.Contains("RequestElement is missing"));
        Assert.That(problems, Has.Some.Contains("ServiceDomain is missing"));
        Assert.That(problems, Has.Some.Contains("PatientId"));
        Assert.That(problems, Has.Some.Contains("Record 'not a name' is not an XML local name"));
        Assert.That(problems, Has.Some.Contains("Closing is not a well-formed XML element"));
    }

    [Test]
    public void A_closing_fragment_with_a_DTD_is_refused()
    {
        var options = BuiltInContracts.Create()[BuiltInContracts.GetMedicationHistory];
        options.Closing = "<!DOCTYPE x [<!ENTITY e \"boom\">]><result>&e;</result>";

        Assert.That(AggregatedContract.TryCreate("Gmh", options, out var problems), Is.Null);
        Assert.That(problems, Has.Some.Contains("Closing"));
    }

    [Test]
    public void Configured_descriptors_replace_built_ins_by_name_add_new_contracts_and_can_switch_one_off()
    {
        var options = new AggregationOptions();
        options.Contracts["GetRequestActivities-1"] = new AggregatedContractOptions { Enabled = false };
        options.Contracts["GetCareContacts-2"] = new AggregatedContractOptions
        {
            Namespace = "urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:2",
            ServiceDomain = "riv:clinicalprocess:logistics:logistics",
            Categorizations = ["vr-vkt"],
            PatientId = "patientId/id",
            Record = "careContact",
            Closing = "<result xmlns:core=\"urn:riv:clinicalprocess:logistics:logistics:2\"><core:resultCode>INFO</core:resultCode><core:logId>{correlationId}</core:logId></result>",
        };
        new AggregationOptionsSetup(Options.Create(new TjanstePlattform.Platform.PlatformOptions())).PostConfigure(null, options);

        Assert.That(new AggregationOptionsValidation().Validate(null, options).Succeeded, Is.True);
        var contracts = new AggregatedContracts(Options.Create(options));

        Assert.That(options.LogicalAddress, Is.EqualTo("5565594230"), "the national address defaults to Platform:HsaId");
        Assert.That(contracts.All.Select(c => c.Name), Is.EquivalentTo(BuiltInContracts.Create().Keys.Where(k => k != "GetRequestActivities-1")));
        Assert.That(contracts.Find("urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:2")!.Categorizations, Is.EqualTo(new[] { "vr-vkt" }),
            "the configured GetCareContacts-2 replaces the built-in one as a whole");
        Assert.That(contracts.Find("urn:riv:clinicalprocess:logistics:logistics:GetCareContactsResponder:2")!.Path,
            Is.EqualTo("/platform/aggregation/GetCareContacts/2/rivtabp21"));
        Assert.That(contracts.Find(BuiltInContracts.GetRequestActivitiesNamespace), Is.Null);
    }

    [Test]
    public void Two_descriptors_for_one_contract_are_refused_at_start()
    {
        var options = new AggregationOptions();
        options.Contracts["Again"] = BuiltInContracts.Create()[BuiltInContracts.GetMedicationHistory];
        options.Contracts["Again"].Path = "/platform/aggregation/again";
        new AggregationOptionsSetup(Options.Create(new TjanstePlattform.Platform.PlatformOptions())).PostConfigure(null, options);

        var result = new AggregationOptionsValidation().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("is already aggregated by"));
    }
}
