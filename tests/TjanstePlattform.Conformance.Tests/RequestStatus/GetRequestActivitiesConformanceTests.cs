using System.Xml.Linq;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.Interoperability;
using TjanstePlattform.Contracts.RequestStatus;
using TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;
using StatusCodeEnum = TjanstePlattform.Contracts.RequestStatus.StatusCodeEnum;

namespace TjanstePlattform.Conformance.Tests.RequestStatus;

/// <summary>GetRequestActivities 1: contract types, WSDL tree and samples held against the official 1.0.1 release.</summary>
public class GetRequestActivitiesConformanceTests
{
    private const string Folder = "GetRequestActivities";
    private const string Official = "crm_requeststatus_1.0.1";
    private const string ProjectTree = "crm_requeststatus";
    private const string Action = RequestStatusNamespaces.GetRequestActivitiesAction;
    private static readonly XName LogicalAddress = XName.Get(LogicalAddressHeader.Name, LogicalAddressHeader.Namespace);

    private static IEnumerable<TestCaseData> OfficialCases() => OfficialSamples.Cases(Folder);

    private static IEnumerable<TestCaseData> ProjectCases() => ProjectSamples.Cases(Folder);

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_is_valid_against_the_official_and_the_project_schemas(string name)
    {
        Assert.That(OfficialSamples.IsKnownInvalid(name, out _), Is.False, "no official GetRequestActivities sample is listed as invalid");
        var envelope = OfficialSamples.Load(name);
        foreach (var tree in new[] { SchemaTree.Official(Official), SchemaTree.Project(ProjectTree) })
        {
            SchemaValidation.AssertValid(tree, envelope.BodyRoot, name);
            SchemaValidation.AssertValid(tree, envelope.Header(LogicalAddress)!, $"{name} LogicalAddress");
        }
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_round_trips_through_the_contract_types(string name)
    {
        OfficialSamples.IgnoreIfPlaceholder(name);
        var envelope = OfficialSamples.Load(name);
        Assert.That(envelope.BodyRoot.Name.LocalName, Is.EqualTo("GetRequestActivities"), "the official samples are requests");

        var request = MessageContractCodec.Read<GetRequestActivitiesRequest>(envelope.Document, Action);
        Assert.That(request.LogicalAddress, Is.EqualTo(envelope.Header(LogicalAddress)!.Value));
        Assert.That(request.GetRequestActivities.SubjectOfCareId, Is.EqualTo("121212121212"));

        var written = SoapEnvelope.Parse(MessageContractCodec.Write(request, Action).ToString());
        SchemaValidation.AssertValid(SchemaTree.Official(Official), written.BodyRoot, $"{name} re-serialized");
        XmlEquivalence.AssertEquivalent(envelope.BodyRoot, written.BodyRoot, name);
        Assert.That(written.Header(LogicalAddress)?.Value, Is.EqualTo("5565594230"));
    }

    [TestCaseSource(nameof(ProjectCases))]
    public void Project_sample_is_valid_against_the_official_schemas(string name)
    {
        var envelope = ProjectSamples.Load(name);
        Assert.That(envelope.IsEnvelope, Is.True, "samples are whole SOAP envelopes a tester can replay");
        Assert.That(envelope.BodyRoot.Name, Is.EqualTo(XName.Get("GetRequestActivities", RequestStatusNamespaces.GetRequestActivitiesResponder)));
        foreach (var tree in new[] { SchemaTree.Official(Official), SchemaTree.Project(ProjectTree) })
        {
            SchemaValidation.AssertValid(tree, envelope.BodyRoot, name);
            foreach (var header in envelope.Headers)
            {
                SchemaValidation.AssertValid(tree, header, $"{name} header {header.Name}");
            }
        }

        var logicalAddress = envelope.Header(LogicalAddress);
        if (name.Contains("missing_logical_address", StringComparison.Ordinal))
        {
            Assert.That(logicalAddress, Is.Null, "the bad case must lack the LogicalAddress header");
        }
        else
        {
            Assert.That(logicalAddress?.Value, Is.Not.Empty.And.Not.Null);
        }

        if (name.Contains("aggregated_national", StringComparison.Ordinal))
        {
            Assert.That(logicalAddress!.Value, Is.EqualTo("5565594230"));
        }

        var request = MessageContractCodec.Read<GetRequestActivitiesRequest>(envelope.Document, Action);
        Assert.That(request.LogicalAddress, Is.EqualTo(logicalAddress?.Value));
        Assert.That(request.GetRequestActivities.SubjectOfCareId, Is.EqualTo("191212121212"));
    }

    [Test]
    public void A_full_response_with_every_field_is_valid_against_both_trees()
    {
        var response = new GetRequestActivitiesResponse(new GetRequestActivitiesResponseType
        {
            RequestActivity =
            {
                FullActivity(),
                new RequestActivityType
                {
                    SubjectOfCareId = "19121212T212", TypeOfRequest = RequestTypeCodeEnum.Type10, LogicalSystemId = "SYS2",
                    StatusCode = StatusCodeEnum.Status170, EventTime = "20241231235959",
                },
            },
        });
        var written = SoapEnvelope.Parse(MessageContractCodec.Write(response, Action).ToString());
        var activity = written.BodyRoot.Elements().First();
        Assert.That(activity.Element(XName.Get("typeOfRequest", RequestStatusNamespaces.Core))!.Value, Is.EqualTo("3"));
        Assert.That(activity.Element(XName.Get("statusCode", RequestStatusNamespaces.Core))!.Value, Is.EqualTo("126"));
        SchemaValidation.AssertValid(SchemaTree.Official(Official), written.BodyRoot, "full response");
        SchemaValidation.AssertValid(SchemaTree.Project(ProjectTree), written.BodyRoot, "full response");

        var read = MessageContractCodec.Read<GetRequestActivitiesResponse>(written.Document, Action);
        Assert.That(read.GetRequestActivitiesResponseValue.RequestActivity[0].RequestMedium, Is.EqualTo(SubmissionMediumCodeEnum.Medium2));
        Assert.That(read.GetRequestActivitiesResponseValue.RequestActivity[1].RequestMedium, Is.Null);
    }

    [Test]
    public void The_project_tree_fixes_the_released_wildcard_namespace_bug()
    {
        // The release writes the wildcard as namespace=" # other " (the URIs "#" and "other"), so a real
        // extension element is rejected there; the project tree uses ##other as intended.
        var response = new GetRequestActivitiesResponseType { RequestActivity = { FullActivity() } };
        var document = new System.Xml.XmlDocument();
        var extension = document.CreateElement("ext", "note", "urn:example:vendor");
        extension.InnerText = "extra";
        response.RequestActivity[0].Any = [extension];
        var written = SoapEnvelope.Parse(MessageContractCodec.Write(new GetRequestActivitiesResponse(response), Action).ToString());

        Assert.That(SchemaValidation.Validate(SchemaTree.Official(Official), written.BodyRoot), Has.Some.Contains("note"),
            "the official 1.0.1 tree rejects a real extension element (its wildcard bug)");
        SchemaValidation.AssertValid(SchemaTree.Project(ProjectTree), written.BodyRoot, "response with an extension element");
        var read = MessageContractCodec.Read<GetRequestActivitiesResponse>(written.Document, Action);
        Assert.That(read.GetRequestActivitiesResponseValue.RequestActivity[0].Any!.Single().InnerText, Is.EqualTo("extra"));
    }

    [TestCase("191212121212", true)]
    [TestCase("19121212T212", true)]
    [TestCase("19121212", false)]
    [TestCase("^191212121212$", false)]
    public void Both_trees_read_the_person_id_pattern_the_same_way(string id, bool valid)
    {
        var body = XElement.Parse($"""<r:GetRequestActivities xmlns:r="{RequestStatusNamespaces.GetRequestActivitiesResponder}"><r:subjectOfCareId>{id}</r:subjectOfCareId></r:GetRequestActivities>""");
        foreach (var tree in new[] { SchemaTree.Official(Official), SchemaTree.Project(ProjectTree) })
        {
            Assert.That(SchemaValidation.Validate(tree, body), valid ? Is.Empty : Is.Not.Empty, id);
        }
    }

    [Test]
    public void Project_wsdl_imports_resolve_and_declare_the_contract()
    {
        ProjectWsdl.AssertWellFormed(
            SchemaTree.ProjectPath(ProjectTree, "interactions", "GetRequestActivitiesInteraction", "GetRequestActivitiesInteraction_1.0_RIVTABP21.wsdl"),
            RequestStatusNamespaces.GetRequestActivitiesInteraction,
            Action,
            XName.Get("GetRequestActivities", RequestStatusNamespaces.GetRequestActivitiesResponder),
            XName.Get("GetRequestActivitiesResponse", RequestStatusNamespaces.GetRequestActivitiesResponder));
    }

    internal static RequestActivityType FullActivity() => new()
    {
        SubjectOfCareId = "191212121212",
        SenderRequestId = "REM-1",
        ReceiverRequestId = "MOT-1",
        TypeOfRequest = RequestTypeCodeEnum.Type3,
        RequestMedium = SubmissionMediumCodeEnum.Medium2,
        RequestIssuedByPersonName = "Åsa Öberg",
        RequestIssuedByOrganizationalUnitId = "SE2321000016-A1",
        RequestIssuedByOrganizationalUnitDescription = "Vårdcentralen Tolvsta",
        ReceivingPersonName = "Per Persson",
        ReceivingOrganizationalUnitId = "SE2321000016-B2",
        ReceivingOrganizationalUnitDescription = "Ortopedmottagningen",
        CareUnit = "SE2321000016-B2",
        LogicalSystemId = "SE2321000016-JRN1",
        StatusCode = StatusCodeEnum.Status126,
        EventTime = "20240315101500",
    };
}
