using System.Text;
using System.Xml;
using System.Xml.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Soap.Tests.Validation;

public class ContractSchemaValidatorTests
{
    private const string Gmh = "urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2";
    private const string Gra = "urn:riv:crm:requeststatus:GetRequestActivitiesResponder:1";

    private static readonly Lazy<IContractSchemaValidator> BuiltIn = new(() => Create());

    private static IContractSchemaValidator Create(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddContractValidation(configuration)
            .BuildServiceProvider()
            .GetRequiredService<IContractSchemaValidator>();
    }

    private static string Envelope(string body, string header = "<itr:LogicalAddress>SE1</itr:LogicalAddress>") => $"""
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:itr="urn:riv:itintegration:registry:1">
          <soapenv:Header>{header}</soapenv:Header>
          <soapenv:Body>
            {body}
          </soapenv:Body>
        </soapenv:Envelope>
        """;

    private static string GraBody(string inner) => $"""<gra:GetRequestActivities xmlns:gra="{Gra}">{inner}</gra:GetRequestActivities>""";

    [Test]
    public void Knows_the_contracts_of_the_platforms_own_wsdl_trees()
    {
        var validator = BuiltIn.Value;
        Assert.Multiple(() =>
        {
            Assert.That(validator.IsKnown(new XmlQualifiedName("GetMedicationHistory", Gmh)), Is.True);
            Assert.That(validator.IsKnown(new XmlQualifiedName("GetMedicationHistoryResponse", Gmh)), Is.True);
            Assert.That(validator.IsKnown(new XmlQualifiedName("GetRequestActivities", Gra)), Is.True);
            Assert.That(validator.IsKnown(new XmlQualifiedName("GetRequestActivitiesResponse", Gra)), Is.True);
            Assert.That(validator.IsKnown(new XmlQualifiedName("ProcessingStatus", "urn:riv:interoperability:headers:1")), Is.True);
            Assert.That(validator.IsKnown(new XmlQualifiedName("GetMedicationHistory", "urn:nobody")), Is.False);
            Assert.That(validator.Trees.Failed, Is.Empty, string.Join(Environment.NewLine, validator.Trees.Failed));
        });
    }

    [Test]
    public void Accepts_every_project_sample_of_its_own_contracts()
    {
        var samples = Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples");
        var files = new[] { "GetMedicationHistory", "GetRequestActivities" }
            .SelectMany(c => Directory.EnumerateFiles(Path.Combine(samples, c), "*.xml"))
            .ToList();
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var result = BuiltIn.Value.Validate(stream);
            Assert.That(result.IsValid, Is.True, $"{Path.GetFileName(file)}: {result.Describe()}");
            Assert.That(result.RootElement!.Name, Does.StartWith("Get"));
        }
    }

    [Test]
    public void Names_line_element_and_reason_of_a_pattern_violation()
    {
        var message = Envelope(GraBody("\n<gra:subjectOfCareId>19121212</gra:subjectOfCareId>"));
        var result = BuiltIn.Value.Validate(message);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.RootElement, Is.EqualTo(new XmlQualifiedName("GetRequestActivities", Gra)));
        Assert.That(result.ServiceContract, Is.EqualTo(Gra));
        var error = result.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.LineNumber, Is.EqualTo(5), "the line of subjectOfCareId in the whole envelope");
            Assert.That(error.Element, Is.EqualTo("gra:subjectOfCareId"));
            Assert.That(error.Reason, Does.Contain("Pattern"));
            Assert.That(error.ToString(), Does.StartWith("Line 5, position "));
        });
    }

    [Test]
    public void Reports_an_element_out_of_order()
    {
        var result = BuiltIn.Value.Validate(Envelope(GraBody(
            "<gra:fromDate>20200101000000</gra:fromDate><gra:subjectOfCareId>191212121212</gra:subjectOfCareId>")));
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors[0].Element, Is.EqualTo("gra:fromDate"));
        Assert.That(result.Describe(), Does.Contain("fromDate"));
    }

    [Test]
    public void Reports_an_unknown_root_element_as_an_error_where_dotnet_only_warns()
    {
        const string body = """<x:GetMedicationHistory xmlns:x="urn:riv:unknown:GetMedicationHistoryResponder:9"><x:a/></x:GetMedicationHistory>""";

        // What plain .NET does: a set that does not declare the element validates the document with a warning only.
        var plain = new XmlSchemaSet();
        plain.Add(XmlSchema.Read(new StringReader("""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:other"/>"""), null)!);
        var plainErrors = 0;
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = plain };
        settings.ValidationEventHandler += (_, e) => plainErrors += e.Severity == XmlSeverityType.Error ? 1 : 0;
        using (var reader = XmlReader.Create(new StringReader(body), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.That(plainErrors, Is.Zero, "premise: .NET alone does not call this an error");

        var result = BuiltIn.Value.Validate(Envelope(body));
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().Reason, Does.Contain("Unknown root element").And.Contain("urn:riv:unknown:GetMedicationHistoryResponder:9"));
        Assert.That(result.Errors.Single().LineNumber, Is.EqualTo(4));
    }

    [Test]
    public void Reports_an_undeclared_element_in_a_closed_type_as_an_error()
    {
        // ProcessingStatusRecordType has no trailing xs:any (PLATFORM.md §7).
        const string header = """
            <ProcessingStatus xmlns="urn:riv:interoperability:headers:1"><ProcessingStatusList>
              <logicalAddress>SE1</logicalAddress><statusCode>DataFromSource</statusCode>
              <isResponseFromCache>false</isResponseFromCache><isResponseInSynch>true</isResponseInSynch>
              <lastSuccessfulSynch>20240101120000</lastSuccessfulSynch><extra xmlns="urn:x">1</extra>
            </ProcessingStatusList></ProcessingStatus>
            """;
        var result = BuiltIn.Value.Validate(header);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors[0].LineNumber, Is.EqualTo(4));
        Assert.That(result.Errors[0].Element, Is.EqualTo("extra"));
    }

    [Test]
    public void Validates_a_bare_body_element_without_an_envelope()
    {
        var valid = BuiltIn.Value.Validate(GraBody("<gra:subjectOfCareId>191212121212</gra:subjectOfCareId>"));
        Assert.That(valid.IsValid, Is.True, valid.Describe());

        var invalid = BuiltIn.Value.Validate(GraBody("<gra:careUnitId>SE1</gra:careUnitId>"));
        Assert.That(invalid.IsValid, Is.False);
    }

    [Test]
    public void Validates_a_response_with_extension_elements_in_xs_any()
    {
        var response = $"""
            <r:GetRequestActivitiesResponse xmlns:r="{Gra}" xmlns:c="urn:riv:crm:requeststatus:1">
              <r:requestActivity>
                <c:subjectOfCareId>191212121212</c:subjectOfCareId><c:typeOfRequest>1</c:typeOfRequest>
                <c:logicalSystemId>SYS</c:logicalSystemId><c:statusCode>10</c:statusCode><c:eventTime>20240101120000</c:eventTime>
                <ext:note xmlns:ext="urn:example:extension">lax content is allowed here</ext:note>
              </r:requestActivity>
            </r:GetRequestActivitiesResponse>
            """;
        var result = BuiltIn.Value.Validate(response);
        Assert.That(result.IsValid, Is.True, result.Describe());
    }

    [Test]
    public void A_soap_fault_is_flagged_not_validated()
    {
        const string fault = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
              <soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault>
            </soap:Body></soap:Envelope>
            """;
        var result = BuiltIn.Value.Validate(fault);
        Assert.That(result.IsFault, Is.True);
        Assert.That(result.IsValid, Is.True);
    }

    [TestCase("""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><x></soapenv:Header>""", "cannot be read as XML")]
    [TestCase("", "cannot be read as XML")]
    [TestCase("just text", "cannot be read as XML")]
    [TestCase("""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>""", "Body is empty")]
    [TestCase("""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/></soapenv:Envelope>""", "no Body")]
    public void Bad_input_is_an_error_in_the_result_never_an_exception(string message, string reason)
    {
        var result = BuiltIn.Value.Validate(message);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Describe(), Does.Contain(reason));
    }

    [Test]
    public void A_dtd_is_refused_and_never_expanded()
    {
        const string message = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <gra:GetRequestActivities xmlns:gra="urn:riv:crm:requeststatus:GetRequestActivitiesResponder:1"><gra:subjectOfCareId>&lol2;</gra:subjectOfCareId></gra:GetRequestActivities>
            """;
        var result = BuiltIn.Value.Validate(message);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Describe(), Does.Contain("DTD").IgnoreCase);
    }

    [Test]
    public void Too_large_a_message_is_an_error()
    {
        var validator = Create(("Contracts:MaxMessageCharacters", "200"));
        var result = validator.Validate(Envelope(GraBody("<gra:subjectOfCareId>191212121212</gra:subjectOfCareId>")));
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Describe(), Does.Contain("MaxCharactersInDocument"));
    }

    [Test]
    public async Task Validates_a_non_seekable_stream_asynchronously()
    {
        var bytes = Encoding.UTF8.GetBytes(Envelope(GraBody("<gra:subjectOfCareId>191212121212</gra:subjectOfCareId>")));
        await using var stream = new NonSeekableStream(bytes);
        var result = await BuiltIn.Value.ValidateAsync(stream);
        Assert.That(result.IsValid, Is.True, result.Describe());
        Assert.That(result.RootElement!.Name, Is.EqualTo("GetRequestActivities"));
    }

    [Test]
    public void Is_safe_to_use_from_many_threads_at_once()
    {
        var validator = Create();
        var good = Envelope(GraBody("<gra:subjectOfCareId>191212121212</gra:subjectOfCareId>"));
        var bad = Envelope(GraBody("<gra:subjectOfCareId>x</gra:subjectOfCareId>"));
        var outcomes = new bool[400];
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            outcomes[i] = validator.Validate(i % 2 == 0 ? good : bad).IsValid);
        Assert.That(outcomes.Where((v, i) => v != (i % 2 == 0)), Is.Empty);
    }

    [Test]
    public void Loads_extra_directories_and_prefers_them_yet_accepts_what_any_version_accepts()
    {
        var validator = Create(("Contracts:Directories:0", RivtaOracle.PathOf("schemas")));
        Assert.Multiple(() =>
        {
            Assert.That(validator.Trees.Failed, Is.Empty, string.Join(Environment.NewLine, validator.Trees.Failed));
            Assert.That(validator.Trees.Loaded, Has.Some.EndsWith("crm_scheduling_1.1.1"));
            Assert.That(validator.IsKnown(new XmlQualifiedName("GetSubjectOfCareSchedule", "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1")), Is.True);
            Assert.That(validator.IsKnown(new XmlQualifiedName("Update", "urn:riv:itintegration:engagementindex:UpdateResponder:1")), Is.True);
        });

        // A 2.0 extension element where 2.1 put m1:relation: only the 2.0 tree accepts it.
        var body = MedicationResponse("<ext:note xmlns:ext=\"urn:example:ext\">x</ext:note>");
        Assert.That(BuiltIn.Value.Validate(body).IsValid, Is.False, "premise: the 2.1 tree alone rejects it");
        var result = validator.Validate(body);
        Assert.That(result.IsValid, Is.True, result.Describe());
    }

    [Test]
    public void A_tree_that_imports_outside_its_directory_or_has_a_dtd_is_reported_and_skipped()
    {
        var root = Directory.CreateTempSubdirectory("tjp-xsd-").FullName;
        try
        {
            var outside = Path.Combine(Path.GetDirectoryName(root)!, $"outside-{Guid.NewGuid():N}.xsd");
            File.WriteAllText(outside, """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:outside"><xs:element name="o" type="xs:string"/></xs:schema>""");
            try
            {
                Directory.CreateDirectory(Path.Combine(root, "escape"));
                File.WriteAllText(Path.Combine(root, "escape", "a.xsd"), $"""
                    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">
                      <xs:import namespace="urn:outside" schemaLocation="../../{Path.GetFileName(outside)}"/>
                      <xs:element name="a" type="xs:string"/>
                    </xs:schema>
                    """);
                Directory.CreateDirectory(Path.Combine(root, "dtd"));
                File.WriteAllText(Path.Combine(root, "dtd", "b.xsd"), """
                    <?xml version="1.0"?>
                    <!DOCTYPE xs:schema [<!ENTITY e "x">]>
                    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b"><xs:element name="b" type="xs:string"/></xs:schema>
                    """);
                Directory.CreateDirectory(Path.Combine(root, "good"));
                File.WriteAllText(Path.Combine(root, "good", "c.xsd"), """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:c"><xs:element name="c" type="xs:string"/></xs:schema>""");

                var validator = Create(("Contracts:Directories:0", root), ("Contracts:IncludeBuiltIn", "false"));
                Assert.That(validator.Trees.Failed.Keys, Is.EquivalentTo(new[] { Path.Combine(root, "escape"), Path.Combine(root, "dtd") }));
                Assert.That(validator.Trees.Failed[Path.Combine(root, "escape")], Does.Contain("outside"));
                Assert.That(validator.IsKnown(new XmlQualifiedName("o", "urn:outside")), Is.False);
                Assert.That(validator.Validate("<c xmlns=\"urn:c\">ok</c>").IsValid, Is.True);
                Assert.That(validator.RootElements, Has.Count.EqualTo(1));
            }
            finally
            {
                File.Delete(outside);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Options_are_validated_and_bound()
    {
        var services = new ServiceCollection().AddLogging()
            .AddContractValidation(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Contracts:Directories:0"] = "/no/such/directory",
                ["Validation:Mode"] = "Reject",
            }).Build())
            .BuildServiceProvider();
        Assert.That(services.GetRequiredService<IOptions<ValidationOptions>>().Value.Mode, Is.EqualTo(ValidationMode.Reject));
        var ex = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<ContractSchemaOptions>>().Value);
        Assert.That(ex!.Message, Does.Contain("Contracts:Directories"));
    }

    private static string MedicationResponse(string extension) => $"""
        <r:GetMedicationHistoryResponse xmlns:r="{Gmh}" xmlns:c="urn:riv:clinicalprocess:activityprescription:actoutcome:2">
          <r:medicationMedicalRecord>
            <c:medicationMedicalRecordHeader>
              <c:documentId>D1</c:documentId><c:sourceSystemHSAId>SE1</c:sourceSystemHSAId>
              <c:patientId><c:id>191212121212</c:id><c:type>1.2.752.129.2.1.3.1</c:type></c:patientId>
              <c:accountableHealthcareProfessional><c:authorTime>20240101120000</c:authorTime></c:accountableHealthcareProfessional>
              <c:approvedForPatient>true</c:approvedForPatient>
            </c:medicationMedicalRecordHeader>
            <c:medicationMedicalRecordBody>
              <c:medicationPrescription>
                <c:prescriptionId><c:root>1.2.3</c:root></c:prescriptionId>
                <c:typeOfPrescription>I</c:typeOfPrescription><c:prescriptionStatus>Active</c:prescriptionStatus>
                <c:selfMedication>false</c:selfMedication>
                {extension}
              </c:medicationPrescription>
            </c:medicationMedicalRecordBody>
          </r:medicationMedicalRecord>
          <r:result><c:resultCode>OK</c:resultCode><c:logId>L1</c:logId></r:result>
        </r:GetMedicationHistoryResponse>
        """;

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
