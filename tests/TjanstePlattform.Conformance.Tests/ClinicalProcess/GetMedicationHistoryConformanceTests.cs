using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome;
using TjanstePlattform.Contracts.ClinicalProcess.ActivityPrescription.ActOutcome.GetMedicationHistory;
using TjanstePlattform.Contracts.Interoperability;

namespace TjanstePlattform.Conformance.Tests.ClinicalProcess;

/// <summary>GetMedicationHistory 2: contract types, WSDL tree and samples held against the official 2.0 and 2.1 releases.</summary>
public class GetMedicationHistoryConformanceTests
{
    private const string Folder = "GetMedicationHistory";
    private const string Official21 = "clinicalprocess_activityprescription_actoutcome_2.1.5";
    private const string Official20 = "clinicalprocess_activityprescription_actoutcome_2.0";
    private const string ProjectTree = "clinicalprocess_activityprescription_actoutcome";
    private const string Action = ActOutcomeNamespaces.GetMedicationHistoryAction;
    private static readonly XName LogicalAddress = XName.Get(LogicalAddressHeader.Name, LogicalAddressHeader.Namespace);

    private static IEnumerable<TestCaseData> OfficialCases() => OfficialSamples.Cases(Folder);

    private static IEnumerable<TestCaseData> ProjectCases() => ProjectSamples.Cases(Folder);

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_is_valid_or_invalid_for_its_known_reason(string name)
    {
        AssertAgainstTree(name, SchemaTree.Official(Official21), "the official 2.1 schemas");
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void Project_tree_accepts_every_valid_official_sample(string name)
    {
        AssertAgainstTree(name, SchemaTree.Project(ProjectTree), "the project's wsdl tree");
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void Official_sample_round_trips_through_the_contract_types(string name)
    {
        OfficialSamples.IgnoreIfPlaceholder(name);
        var envelope = LoadOfficial(name);
        if (envelope.IsFault)
        {
            Assert.That(envelope.BodyRoot.Name.LocalName, Is.EqualTo("Fault"), $"{name} is a SOAP fault, not a contract message");
            return;
        }

        if (OfficialSamples.IsKnownInvalid(name, out var known) && known.Reason.Contains("namespace", StringComparison.Ordinal))
        {
            // Expected result: a pre-release namespace is not this contract; the contract types must not claim it.
            Assert.That(envelope.BodyRoot.Name.NamespaceName, Is.EqualTo(known.MessageFragment));
            Assert.That(envelope.BodyRoot.Name.NamespaceName, Is.Not.EqualTo(ActOutcomeNamespaces.GetMedicationHistoryResponder));
            return;
        }

        var official = SchemaTree.Official(Official21);
        XDocument written;
        if (envelope.BodyRoot.Name.LocalName == "GetMedicationHistory")
        {
            var request = MessageContractCodec.Read<GetMedicationHistoryRequest>(envelope.Document, Action);
            Assert.That(request.LogicalAddress, Is.EqualTo(envelope.Header(LogicalAddress)?.Value));
            written = MessageContractCodec.Write(request, Action);
        }
        else
        {
            var response = MessageContractCodec.Read<GetMedicationHistoryResponse>(envelope.Document, Action);
            Assert.That(response.GetMedicationHistoryResponseValue.Result, Is.Not.Null);
            written = MessageContractCodec.Write(response, Action);
        }

        var rewritten = SoapEnvelope.Parse(written.ToString());
        SchemaValidation.AssertValid(official, rewritten.BodyRoot, $"{name} re-serialized");
        XmlEquivalence.AssertEquivalent(envelope.BodyRoot, rewritten.BodyRoot, name);
        if (envelope.Header(LogicalAddress) is { } header)
        {
            Assert.That(rewritten.Header(LogicalAddress)?.Value, Is.EqualTo(header.Value), "LogicalAddress header");
            SchemaValidation.AssertValid(official, rewritten.Header(LogicalAddress)!, "LogicalAddress header");
        }
    }

    [TestCaseSource(nameof(ProjectCases))]
    public void Project_sample_is_valid_against_the_official_schemas(string name)
    {
        var envelope = ProjectSamples.Load(name);
        Assert.That(envelope.IsEnvelope, Is.True, "samples are whole SOAP envelopes a tester can replay");
        Assert.That(envelope.BodyRoot.Name, Is.EqualTo(XName.Get("GetMedicationHistory", ActOutcomeNamespaces.GetMedicationHistoryResponder)));
        foreach (var tree in new[] { SchemaTree.Official(Official21), SchemaTree.Official(Official20), SchemaTree.Project(ProjectTree) })
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

        // The sample also reads with the contract types, header included.
        var request = MessageContractCodec.Read<GetMedicationHistoryRequest>(envelope.Document, Action);
        Assert.That(request.LogicalAddress, Is.EqualTo(logicalAddress?.Value));
        Assert.That(request.GetMedicationHistory.PatientId.Id, Is.EqualTo("191212121212"));
    }

    [Test]
    public void A_2_0_message_reads_and_writes_back_with_its_boolean_nullified_reason_and_extension()
    {
        var response = XDocument.Parse($"""
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
            <r:GetMedicationHistoryResponse xmlns:r="{ActOutcomeNamespaces.GetMedicationHistoryResponder}" xmlns:c="{ActOutcomeNamespaces.Core}">
              <r:medicationMedicalRecord>
                <c:medicationMedicalRecordHeader>
                  <c:documentId>D1</c:documentId><c:sourceSystemHSAId>SE1</c:sourceSystemHSAId>
                  <c:patientId><c:id>191212121212</c:id><c:type>1.2.752.129.2.1.3.1</c:type></c:patientId>
                  <c:accountableHealthcareProfessional><c:authorTime>20240101120000</c:authorTime></c:accountableHealthcareProfessional>
                  <c:approvedForPatient>true</c:approvedForPatient><c:nullified>true</c:nullified><c:nullifiedReason>true</c:nullifiedReason>
                </c:medicationMedicalRecordHeader>
                <c:medicationMedicalRecordBody><c:medicationPrescription>
                  <c:prescriptionId><c:root>1.2.3</c:root></c:prescriptionId>
                  <c:typeOfPrescription>I</c:typeOfPrescription><c:prescriptionStatus>Active</c:prescriptionStatus>
                  <c:selfMedication>false</c:selfMedication>
                  <x:vendorNote xmlns:x="urn:example:vendor">kept</x:vendorNote>
                </c:medicationPrescription></c:medicationMedicalRecordBody>
              </r:medicationMedicalRecord>
              <r:result><c:resultCode>OK</c:resultCode><c:logId>L1</c:logId></r:result>
            </r:GetMedicationHistoryResponse></s:Body></s:Envelope>
            """);
        var original = SoapEnvelope.Parse(response.ToString());
        SchemaValidation.AssertValid(SchemaTree.Official(Official20), original.BodyRoot, "premise: a valid 2.0 response");

        var read = MessageContractCodec.Read<GetMedicationHistoryResponse>(response, Action);
        var record = read.GetMedicationHistoryResponseValue.MedicationMedicalRecord.Single();
        Assert.That(record.MedicationMedicalRecordHeader.NullifiedReason, Is.EqualTo("true"));
        Assert.That(record.MedicationMedicalRecordBody.MedicationPrescription.Any!.Single().LocalName, Is.EqualTo("vendorNote"));

        var written = SoapEnvelope.Parse(MessageContractCodec.Write(read, Action).ToString());
        SchemaValidation.AssertValid(SchemaTree.Official(Official20), written.BodyRoot, "written back");
        XmlEquivalence.AssertEquivalent(original.BodyRoot, written.BodyRoot, "2.0 response");
    }

    [Test]
    public void A_2_1_relation_is_written_in_the_2_1_namespace_and_is_valid()
    {
        var body = new GetMedicationHistoryResponseType
        {
            MedicationMedicalRecord =
            {
                new MedicationMedicalRecordType
                {
                    MedicationMedicalRecordHeader = new PatientSummaryHeaderType
                    {
                        DocumentId = "D1",
                        SourceSystemHSAId = "SE1",
                        PatientId = new PersonIdType { Id = "191212121212", Type = "1.2.752.129.2.1.3.1" },
                        AccountableHealthcareProfessional = new HealthcareProfessionalType { AuthorTime = "20240101120000" },
                        ApprovedForPatient = true,
                        NullifiedReason = "Felregistrering",
                    },
                    MedicationMedicalRecordBody = new MedicationMedicalRecordBodyType
                    {
                        MedicationPrescription = new MedicationPrescriptionType
                        {
                            PrescriptionId = new IIType { Root = "1.2.3", Extension = "RX1" },
                            TypeOfPrescription = TypeOfPrescriptionEnum.I,
                            PrescriptionStatus = PrescriptionStatusEnum.Active,
                            SelfMedication = false,
                            Relation =
                            {
                                new RelationType
                                {
                                    Code = new CVType { Code = "DISP", CodeSystem = "1.2.752.129.2.2.3.1" },
                                    ReferredInformation =
                                    {
                                        new RelationReferredInformationType
                                        {
                                            Id = new IIType { Root = "1.2.4" },
                                            Type = new CVType { Code = "DISPENSATION" },
                                            InformationOwner = new InformationOwnerType { Id = new IIType { Root = "SE2" } },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
            Result = new ResultType { ResultCode = ResultCodeEnum.OK, LogId = "L1" },
        };
        var written = SoapEnvelope.Parse(MessageContractCodec.Write(new GetMedicationHistoryResponse(body), Action).ToString());
        var relation = written.BodyRoot.Descendants(XName.Get("relation", ActOutcomeNamespaces.Core21)).Single();
        Assert.That(relation.Element(XName.Get("code", ActOutcomeNamespaces.Core21)), Is.Not.Null);
        SchemaValidation.AssertValid(SchemaTree.Official(Official21), written.BodyRoot, "2.1 response with relation");
        SchemaValidation.AssertValid(SchemaTree.Project(ProjectTree), written.BodyRoot, "2.1 response with relation");
        Assert.That(written.Headers, Is.Empty, "no ProcessingStatus header when none is set");
    }

    [Test]
    public void Project_wsdl_imports_resolve_and_declare_the_contract()
    {
        ProjectWsdl.AssertWellFormed(
            SchemaTree.ProjectPath(ProjectTree, "interactions", "GetMedicationHistoryInteraction", "GetMedicationHistoryInteraction_2.1_RIVTABP21.wsdl"),
            ActOutcomeNamespaces.GetMedicationHistoryInteraction,
            Action,
            XName.Get("GetMedicationHistory", ActOutcomeNamespaces.GetMedicationHistoryResponder),
            XName.Get("GetMedicationHistoryResponse", ActOutcomeNamespaces.GetMedicationHistoryResponder));
    }

    private static SoapEnvelope LoadOfficial(string name)
    {
        if (OfficialSamples.IsKnownInvalid(name, out var known) && known.Reason.Contains("utf-16", StringComparison.Ordinal))
        {
            return SoapEnvelope.LoadAsUtf8(OfficialSamples.PathOf(name));
        }

        return OfficialSamples.Load(name);
    }

    private static void AssertAgainstTree(string name, System.Xml.Schema.XmlSchemaSet schemas, string what)
    {
        if (OfficialSamples.IsKnownInvalid(name, out var known) && known.Reason.Contains("utf-16", StringComparison.Ordinal))
        {
            // Expected result: read as declared, the file is not XML .NET accepts …
            var ex = Assert.Throws<XmlException>(() => OfficialSamples.Load(name));
            Assert.That(ex!.Message, Does.Contain(known.MessageFragment).IgnoreCase.Or.Contain("Unicode"), $"{name}: {known.Reason}");

            // … and read as UTF-8, as the reference router retries it, it is a valid request.
            SchemaValidation.AssertValid(schemas, SoapEnvelope.LoadAsUtf8(OfficialSamples.PathOf(name)).BodyRoot, $"{name} read as UTF-8");
            return;
        }

        var envelope = OfficialSamples.Load(name);
        if (envelope.IsFault)
        {
            Assert.That(envelope.BodyRoot.Name.LocalName, Is.EqualTo("Fault"), $"{name} is a SOAP fault, not a contract message");
            return;
        }

        var issues = SchemaValidation.Validate(schemas, envelope.BodyRoot)
            .Concat(envelope.Headers.Where(h => h.Name == LogicalAddress).SelectMany(h => SchemaValidation.Validate(schemas, h)))
            .ToList();
        if (OfficialSamples.IsKnownInvalid(name, out known))
        {
            Assert.That(issues, Is.Not.Empty, $"{name} is listed as invalid ({known.Reason}) but {what} accept it");
            Assert.That(string.Join(Environment.NewLine, issues), Does.Contain(known.MessageFragment), $"{name} should be invalid because: {known.Reason}");
        }
        else
        {
            Assert.That(issues, Is.Empty, $"{name} is not valid against {what}:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}");
        }
    }
}
