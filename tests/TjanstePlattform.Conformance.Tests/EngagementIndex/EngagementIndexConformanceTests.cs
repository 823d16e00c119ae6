using System.Xml.Linq;
using System.Xml.Serialization;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.EngagementIndex;

namespace TjanstePlattform.Conformance.Tests.EngagementIndex;

/// <summary>
/// The engagement index contracts (itintegration:engagementindex 1.0): contract types, the project's WSDL tree and
/// samples held against the official release and its real messages.
/// </summary>
public class EngagementIndexConformanceTests
{
    private const string Folder = "engagementindex";
    private const string Official = "itintegration_engagementindex_1.0";
    private const string ProjectTree = "itintegration_engagementindex";
    private static readonly XName LogicalAddress = XName.Get("LogicalAddress", EngagementIndexNamespaces.Registry);

    private static IEnumerable<TestCaseData> OfficialCases() => OfficialSamples.Cases(Folder);

    private static IEnumerable<TestCaseData> ProjectCases() =>
        new[] { "Update", "FindContent", "ProcessNotification", "GetUpdates" }.SelectMany(ProjectSamples.Cases);

    private static IEnumerable<XmlSchemaSetCase> Trees() => [new("official", SchemaTree.Official(Official)), new("project", SchemaTree.Project(ProjectTree))];

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_is_valid_against_both_trees_or_invalid_for_its_known_reason(string name)
    {
        var envelope = OfficialSamples.Load(name);
        foreach (var tree in Trees())
        {
            var issues = SchemaValidation.Validate(tree.Schemas, envelope.BodyRoot);
            if (OfficialSamples.IsKnownInvalid(name, out var known))
            {
                Assert.That(issues, Has.Some.Contains(known.MessageFragment), $"{name} against the {tree.Name} tree: expected invalid ({known.Reason})");
            }
            else
            {
                Assert.That(issues, Is.Empty, $"{name} against the {tree.Name} tree");
            }

            if (envelope.Header(LogicalAddress) is { } header)
            {
                SchemaValidation.AssertValid(tree.Schemas, header, $"{name} LogicalAddress");
            }
        }
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_round_trips_through_the_contract_types(string name)
    {
        OfficialSamples.IgnoreIfPlaceholder(name);
        var envelope = OfficialSamples.Load(name);

        var (written, logicalAddress) = RoundTrip(envelope);

        var issues = SchemaValidation.Validate(SchemaTree.Official(Official), written);
        if (name.EndsWith("03_ei_ProcessNotification_request.xml", StringComparison.Ordinal))
        {
            // Accepted by the reference EI (and by ours), but the 10-digit person id stays what it is.
            Assert.That(issues, Has.Some.Contains("1111111111"));
        }
        else
        {
            // 02 sends mostRecentContent after dataController; read leniently, it is written back in schema order.
            Assert.That(issues, Is.Empty, $"{name} re-serialized:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}");
        }

        Assert.That(logicalAddress, Is.EqualTo(envelope.Header(LogicalAddress)?.Value));
        if (!OfficialSamples.IsKnownInvalid(name, out _))
        {
            XmlEquivalence.AssertEquivalent(WithoutSchemaLocation(envelope.BodyRoot), written, name);
        }
        else
        {
            Assert.That(Values(written), Is.EquivalentTo(Values(envelope.BodyRoot)), $"{name}: every value survives the round trip");
        }
    }

    [TestCaseSource(nameof(ProjectCases))]
    public void Project_sample_is_valid_against_both_trees_and_reads_with_the_contract_types(string name)
    {
        var envelope = ProjectSamples.Load(name);
        Assert.That(envelope.IsEnvelope, Is.True, "samples are whole SOAP envelopes a tester can replay");
        var contract = name.Split('/')[0];
        Assert.That(envelope.BodyRoot.Name, Is.EqualTo(XName.Get(contract, $"urn:riv:itintegration:engagementindex:{contract}Responder:1")));
        foreach (var tree in Trees())
        {
            SchemaValidation.AssertValid(tree.Schemas, envelope.BodyRoot, $"{name} ({tree.Name} tree)");
            foreach (var header in envelope.Headers)
            {
                SchemaValidation.AssertValid(tree.Schemas, header, $"{name} header {header.Name} ({tree.Name} tree)");
            }
        }

        Assert.That(File.ReadAllText(ProjectSamples.PathOf(name)), Does.Contain("Expected:"), "every sample says what to expect");
        var (written, logicalAddress) = RoundTrip(envelope);
        Assert.That(logicalAddress, Is.EqualTo(name.Contains("wrong_logical_address", StringComparison.Ordinal) ? "SE2321000016-JRN1" : "5565594230"));
        XmlEquivalence.AssertEquivalent(envelope.BodyRoot, written, name);
    }

    [Test]
    public void Full_answers_of_every_operation_are_valid_against_both_trees()
    {
        var engagement = new EngagementType
        {
            RegisteredResidentIdentification = "191212121212",
            ServiceDomain = "riv:clinicalprocess:activityprescription:actoutcome",
            Categorization = "caa-gmh",
            LogicalAddress = "SE2321000016-JRN1",
            BusinessObjectInstanceIdentifier = "NA",
            ClinicalProcessInterestId = "NA",
            MostRecentContent = "20250115093000",
            SourceSystem = "SE2321000016-JRN1",
            CreationTime = "20250115093001",
            UpdateTime = "20250116093001",
            DataController = "SE2321000016",
            Owner = "5565594230",
        };
        var answers = new object[]
        {
            new UpdateResponse { UpdateResponseBody = { ResultCode = ResultCodeEnum.OK } },
            new ProcessNotificationResponse { ProcessNotificationResponseBody = { ResultCode = ResultCodeEnum.OK, Comment = "stored" } },
            new FindContentResponse { FindContentResponseBody = { Engagement = { engagement, engagement } } },
            new GetUpdatesResponse
            {
                GetUpdatesResponseBody =
                {
                    ResponseIsComplete = false,
                    RegisteredResidentEngagement = { new RegisteredResidentEngagementType { RegisteredResidentIdentification = "191212121212", Engagement = { engagement } } },
                },
            },
        };

        foreach (var answer in answers)
        {
            var written = SoapEnvelope.Parse(Write(answer).ToString()).BodyRoot;
            foreach (var tree in Trees())
            {
                SchemaValidation.AssertValid(tree.Schemas, written, $"{answer.GetType().Name} ({tree.Name} tree)");
            }
        }
    }

    [TestCase("Update")]
    [TestCase("ProcessNotification")]
    [TestCase("FindContent")]
    [TestCase("GetUpdates")]
    public void Project_wsdl_imports_resolve_and_declare_the_contract(string operation)
    {
        var responder = $"urn:riv:itintegration:engagementindex:{operation}Responder:1";
        ProjectWsdl.AssertWellFormed(
            SchemaTree.ProjectPath(ProjectTree, "interactions", $"{operation}Interaction", $"{operation}Interaction_1.0_RIVTABP21.wsdl"),
            $"urn:riv:itintegration:engagementindex:{operation}:1:rivtabp21",
            $"{responder}:{operation}",
            XName.Get(operation, responder),
            XName.Get(operation + "Response", responder));
    }

    [Test]
    public void Both_trees_agree_on_timestamps_and_person_ids()
    {
        foreach (var (resident, timestamp, valid) in new[]
        {
            ("191212121212", "20250115093000", true),
            ("19121212T212", "20251231235959", true),
            ("1912121212", "20250115093000", false),
            ("191212121212", "20251315093000", false),
            ("191212121212", "2025011509300", false),
        })
        {
            var body = XElement.Parse(
                $"""<f:FindContent xmlns:f="{EngagementIndexNamespaces.FindContentResponder}"><f:registeredResidentIdentification>{resident}</f:registeredResidentIdentification><f:serviceDomain>riv:crm:scheduling</f:serviceDomain><f:mostRecentContent>{timestamp}</f:mostRecentContent></f:FindContent>""");
            foreach (var tree in Trees())
            {
                Assert.That(SchemaValidation.Validate(tree.Schemas, body), valid ? Is.Empty : Is.Not.Empty, $"{resident} {timestamp} ({tree.Name} tree)");
            }
        }
    }

    /// <summary>Reads a request with the contract types (message contract for envelopes, XmlSerializer for a bare body) and writes it back.</summary>
    private static (XElement Written, string? LogicalAddress) RoundTrip(SoapEnvelope envelope)
    {
        var root = envelope.BodyRoot.Name;
        if (!envelope.IsEnvelope)
        {
            var serializer = new XmlSerializer(BodyType(root.LocalName));
            var body = serializer.Deserialize(envelope.BodyRoot.CreateReader())!;
            Rescue(body);
            var document = new XDocument();
            using (var writer = document.CreateWriter())
            {
                serializer.Serialize(writer, body);
            }

            return (document.Root!, null);
        }

        (object Request, string? LogicalAddress) read = root.LocalName switch
        {
            "Update" => Read<UpdateRequest>(envelope, EngagementIndexNamespaces.UpdateAction, r => (r.Update, r.LogicalAddress)),
            "ProcessNotification" => Read<ProcessNotificationRequest>(envelope, EngagementIndexNamespaces.ProcessNotificationAction, r => (r.ProcessNotification, r.LogicalAddress)),
            "FindContent" => Read<FindContentRequest>(envelope, EngagementIndexNamespaces.FindContentAction, r => (r.FindContent, r.LogicalAddress)),
            "GetUpdates" => Read<GetUpdatesRequest>(envelope, EngagementIndexNamespaces.GetUpdatesAction, r => (r.GetUpdates, r.LogicalAddress)),
            _ => throw new AssertionException($"Unexpected request {root}"),
        };
        var request = root.LocalName switch
        {
            "Update" => (object)new UpdateRequest { LogicalAddress = read.LogicalAddress, Update = (UpdateType)read.Request },
            "ProcessNotification" => new ProcessNotificationRequest { LogicalAddress = read.LogicalAddress, ProcessNotification = (ProcessNotificationType)read.Request },
            "FindContent" => new FindContentRequest { LogicalAddress = read.LogicalAddress, FindContent = (FindContentType)read.Request },
            _ => new GetUpdatesRequest { LogicalAddress = read.LogicalAddress, GetUpdates = (GetUpdatesType)read.Request },
        };
        var written = SoapEnvelope.Parse(Write(request).ToString());
        return (written.BodyRoot, written.Header(LogicalAddress)?.Value);
    }

    private static (object, string?) Read<T>(SoapEnvelope envelope, string action, Func<T, (object Body, string? LogicalAddress)> parts)
        where T : class
    {
        var (body, logicalAddress) = parts(MessageContractCodec.Read<T>(envelope.Document, action));
        Rescue(body);
        return (body, logicalAddress);
    }

    private static void Rescue(object body)
    {
        switch (body)
        {
            case UpdateType update:
                MisplacedFields.Rescue(update.EngagementTransaction);
                break;
            case ProcessNotificationType notification:
                MisplacedFields.Rescue(notification.EngagementTransaction);
                break;
        }
    }

    private static XDocument Write(object message) => message switch
    {
        UpdateRequest m => MessageContractCodec.Write(m, EngagementIndexNamespaces.UpdateAction),
        ProcessNotificationRequest m => MessageContractCodec.Write(m, EngagementIndexNamespaces.ProcessNotificationAction),
        FindContentRequest m => MessageContractCodec.Write(m, EngagementIndexNamespaces.FindContentAction),
        GetUpdatesRequest m => MessageContractCodec.Write(m, EngagementIndexNamespaces.GetUpdatesAction),
        UpdateResponse m => MessageContractCodec.Write(m, EngagementIndexNamespaces.UpdateAction),
        ProcessNotificationResponse m => MessageContractCodec.Write(m, EngagementIndexNamespaces.ProcessNotificationAction),
        FindContentResponse m => MessageContractCodec.Write(m, EngagementIndexNamespaces.FindContentAction),
        GetUpdatesResponse m => MessageContractCodec.Write(m, EngagementIndexNamespaces.GetUpdatesAction),
        _ => throw new AssertionException($"Unexpected message {message.GetType()}"),
    };

    private static Type BodyType(string localName) => localName switch
    {
        "Update" => typeof(UpdateType),
        "ProcessNotification" => typeof(ProcessNotificationType),
        "FindContent" => typeof(FindContentType),
        "GetUpdates" => typeof(GetUpdatesType),
        _ => throw new AssertionException($"Unexpected body {localName}"),
    };

    /// <summary>The element without xsi:schemaLocation: a hint to editors, not data the contract types keep.</summary>
    private static XElement WithoutSchemaLocation(XElement element)
    {
        var copy = new XElement(element);
        copy.Attribute(XName.Get("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance"))?.Remove();
        return copy;
    }

    /// <summary>Every leaf as (local name, value): what must survive a round trip even when the order changes.</summary>
    private static IEnumerable<(string, string)> Values(XElement element) =>
        element.Descendants().Where(e => !e.HasElements).Select(e => (e.Name.LocalName, e.Value.Trim()));

    public sealed record XmlSchemaSetCase(string Name, System.Xml.Schema.XmlSchemaSet Schemas);

}
