using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using System.Xml.Serialization;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Conformance.Tests.Interoperability;

/// <summary>
/// The Actor and ProcessingStatus headers (<c>urn:riv:interoperability:headers:1</c>) and the LogicalAddress
/// header, held against the official interoperability_headers_1.0.xsd and itintegration_registry_1.0.xsd.
/// </summary>
public class InteroperabilityHeadersConformanceTests
{
    private const string Folder = "GetSubjectOfCareSchedule";
    private static readonly XName Actor = XName.Get(HeaderNamespaces.ActorElement, HeaderNamespaces.InteroperabilityHeaders);
    private static readonly XName ProcessingStatus = XName.Get(HeaderNamespaces.ProcessingStatusElement, HeaderNamespaces.InteroperabilityHeaders);
    private static readonly XName LogicalAddress = XName.Get(LogicalAddressHeader.Name, LogicalAddressHeader.Namespace);

    /// <summary>
    /// The official aggregating-service test request sends an OID as actorType. Not in the README's table of
    /// invalid samples (that table covers bodies); its Actor header is invalid all the same.
    /// </summary>
    private static readonly Dictionary<string, KnownInvalidSample> KnownInvalidHeaders = new(StringComparer.Ordinal)
    {
        ["GetSubjectOfCareSchedule/agp_TC1_request_with_Actor.xml"] = new("actorType is the personnummer OID, not subject_of_care|subject_of_care_agent", "Enumeration"),
    };

    private static XmlSchemaSet OfficialHeaders => SchemaTree.OfficialFile("crm_requeststatus_1.0.1", "core_components", "interoperability_headers_1.0.xsd");

    private static XmlSchemaSet ProjectHeaders => SchemaTree.Project("interoperability_headers");

    private static IEnumerable<TestCaseData> OfficialCases() => OfficialSamples.Cases(Folder);

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_headers_round_trip_through_the_header_types(string name)
    {
        OfficialSamples.IgnoreIfPlaceholder(name);
        var envelope = OfficialSamples.Load(name);
        var headers = envelope.Headers.Where(h => h.Name == Actor || h.Name == ProcessingStatus).ToList();
        Assert.That(headers, Is.Not.Empty, $"{name} carries an Actor or ProcessingStatus header");

        foreach (var header in headers)
        {
            var issues = SchemaValidation.Validate(OfficialHeaders, header);
            if (KnownInvalidHeaders.TryGetValue(name, out var known))
            {
                Assert.That(string.Join(Environment.NewLine, issues), Does.Contain(known.MessageFragment), $"{name}: {known.Reason}");
            }
            else
            {
                Assert.That(issues, Is.Empty, $"{name} {header.Name.LocalName}: {string.Join(Environment.NewLine, issues)}");
            }

            Assert.That(SchemaValidation.Validate(ProjectHeaders, header).Count == 0, Is.EqualTo(issues.Count == 0),
                "the project's headers XSD judges the header as the official one does");

            var type = header.Name == Actor ? typeof(ActorType) : typeof(ProcessingStatusType);
            var serializer = new XmlSerializer(type);
            object value;
            using (var reader = header.CreateReader())
            {
                value = serializer.Deserialize(reader)!;
            }

            var written = Serialize(serializer, value);
            XmlEquivalence.AssertEquivalent(header, written, $"{name} {header.Name.LocalName}");
            if (!KnownInvalidHeaders.ContainsKey(name))
            {
                SchemaValidation.AssertValid(OfficialHeaders, written, $"{name} {header.Name.LocalName} re-serialized");
            }
        }
    }

    [Test]
    public void The_official_actor_with_an_oid_reads_without_failing_and_keeps_its_value()
    {
        var envelope = OfficialSamples.Load("GetSubjectOfCareSchedule/agp_TC1_request_with_Actor.xml");
        var actor = (ActorType)new XmlSerializer(typeof(ActorType)).Deserialize(envelope.Header(Actor)!.CreateReader())!;
        Assert.That(actor.ActorId, Is.EqualTo("121212121212"));
        Assert.That(actor.ActorTypeValue, Is.EqualTo("1.2.752.129.2.1.3.1"));
        Assert.That(actor.Kind, Is.Null, "not a value of the enumeration");
    }

    [Test]
    public void The_processing_status_of_the_large_official_response_reads_completely()
    {
        var envelope = OfficialSamples.Load("GetSubjectOfCareSchedule/aggregated_response_with_ProcessingStatus_large.xml");
        var status = (ProcessingStatusType)new XmlSerializer(typeof(ProcessingStatusType)).Deserialize(envelope.Header(ProcessingStatus)!.CreateReader())!;
        var record = status.ProcessingStatusList.Single();
        Assert.That((record.LogicalAddress, record.StatusCode, record.IsResponseFromCache, record.IsResponseInSynch, record.LastSuccessfulSynch),
            Is.EqualTo(("SKLTP-MOCK01", StatusCodeEnum.DataFromSource, false, true, "20201111094952")));
    }

    [Test]
    public void Every_header_the_types_can_express_is_valid_against_the_official_and_project_schemas()
    {
        var status = new ProcessingStatusType
        {
            ProcessingStatusList =
            {
                new ProcessingStatusRecordType
                {
                    LogicalAddress = "SE1", StatusCode = StatusCodeEnum.DataFromSource, IsResponseInSynch = true, LastSuccessfulSynch = "20240101120000",
                },
                new ProcessingStatusRecordType
                {
                    LogicalAddress = "SE2", StatusCode = StatusCodeEnum.DataFromCacheSynchFailed, IsResponseFromCache = true,
                    LastSuccessfulSynch = "20231231120000", LastUnsuccessfulSynch = "20240101120000",
                    LastUnsuccessfulSynchError = new LastUnsuccessfulSynchErrorType { CausingAgent = CausingAgentEnum.VirtualizationPlatform, Code = "VP009", Text = "Fel vid kontakt med tjänsteproducenten." },
                },
                new ProcessingStatusRecordType
                {
                    LogicalAddress = "SE3", StatusCode = StatusCodeEnum.NoDataSynchFailed, LastUnsuccessfulSynch = "20240101120000",
                    LastUnsuccessfulSynchError = new LastUnsuccessfulSynchErrorType { CausingAgent = CausingAgentEnum.EngagementIndex, Code = "EI", Text = "x" },
                },
            },
        };
        var statusXml = Serialize(new XmlSerializer(typeof(ProcessingStatusType)), status);
        Assert.That(statusXml.Descendants(XName.Get("causingAgent", HeaderNamespaces.InteroperabilityHeaders)).Select(e => e.Value),
            Is.EqualTo(new[] { "virtualization_platform", "engagement_index" }));

        foreach (var kind in Enum.GetValues<ActorTypeEnum>())
        {
            var actorXml = Serialize(new XmlSerializer(typeof(ActorType)), new ActorType { ActorId = "191212121212", Kind = kind });
            foreach (var schemas in new[] { OfficialHeaders, ProjectHeaders })
            {
                SchemaValidation.AssertValid(schemas, actorXml, $"Actor {kind}");
            }

            Assert.That(actorXml.Element(XName.Get("actorType", HeaderNamespaces.InteroperabilityHeaders))!.Value,
                Is.EqualTo(kind == ActorTypeEnum.SubjectOfCare ? "subject_of_care" : "subject_of_care_agent"));
        }

        foreach (var schemas in new[] { OfficialHeaders, ProjectHeaders })
        {
            SchemaValidation.AssertValid(schemas, statusXml, "ProcessingStatus");
        }
    }

    [Test]
    public void Both_schemas_reject_an_extra_element_in_a_processing_status_record()
    {
        // ProcessingStatusRecordType has no trailing xs:any (PLATFORM.md §7).
        var xml = XElement.Parse("""
            <ProcessingStatus xmlns="urn:riv:interoperability:headers:1"><ProcessingStatusList>
              <logicalAddress>SE1</logicalAddress><statusCode>DataFromSource</statusCode><isResponseFromCache>false</isResponseFromCache>
              <isResponseInSynch>true</isResponseInSynch><lastSuccessfulSynch>20240101120000</lastSuccessfulSynch><x:extra xmlns:x="urn:x"/>
            </ProcessingStatusList></ProcessingStatus>
            """);
        Assert.That(SchemaValidation.Validate(OfficialHeaders, xml), Is.Not.Empty);
        Assert.That(SchemaValidation.Validate(ProjectHeaders, xml), Is.Not.Empty);
    }

    [Test]
    public void The_logical_address_header_helper_writes_the_registry_element()
    {
        var header = LogicalAddressHeader.Create("5565594230");
        var text = new System.Text.StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            header.WriteHeader(writer, System.ServiceModel.Channels.MessageVersion.Soap11);
        }

        var element = XElement.Parse(text.ToString());
        Assert.That(element.Name, Is.EqualTo(LogicalAddress));
        Assert.That(element.Value, Is.EqualTo("5565594230"));
        SchemaValidation.AssertValid(SchemaTree.Official("crm_requeststatus_1.0.1"), new XElement(element.Name, element.Value), "LogicalAddress");
    }

    private static XElement Serialize(XmlSerializer serializer, object value)
    {
        var document = new XDocument();
        using (var writer = document.CreateWriter())
        {
            serializer.Serialize(writer, value);
        }

        return document.Root!;
    }
}
