using System.Net;
using TjanstePlattform.Testing;

namespace TjanstePlattform.EngagementIndex.Tests.Soap;

/// <summary>Every validation rule of Update, ProcessNotification, FindContent and GetUpdates, with its exact fault text.</summary>
[TestFixture]
public sealed class ValidationTests
{
    private TestPlatform _platform = null!;

    private HttpClient Http => _platform.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => _platform = await TestPlatform.StartAsync(EiSettings.Isolated());

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task Update_to_another_logical_address_is_EI003()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update("SE-WRONG", new E()));

        AssertFault(answer, "EI003: Invalid routing. Logical address is SE-WRONG but the owner is 5565594230. They must be the same. See rule for Update-R7 in service contract");
    }

    [Test]
    public async Task Update_without_logical_address_is_EI003_missing()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(null, new E()));

        AssertFault(answer, "EI003: Invalid routing. Logical address is missing but the owner is 5565594230. They must be the same. See rule for Update-R7 in service contract");
    }

    [Test]
    public async Task Update_with_more_than_1000_engagements_is_EI000()
    {
        var engagements = Enumerable.Range(0, 1001).Select(i => new E(BusinessObjectInstanceIdentifier: $"boi-{i}")).ToArray();

        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, engagements));

        AssertFault(answer, "EI000: A technical error has occurred, error message: The request contains more than 1000 engagements. Maximum number of engagements per request is 1000.");
    }

    [Test]
    public async Task Update_with_1000_engagements_is_accepted()
    {
        var engagements = Enumerable.Range(0, 1000).Select(i => new E(Resident: "199001010001", BusinessObjectInstanceIdentifier: $"boi-{i}")).ToArray();

        await EiSoap.UpdateOkAsync(Http, engagements);

        Assert.That(await EiSoap.FindAsync(Http, "199001010001"), Has.Count.EqualTo(1000));
    }

    [Test]
    public async Task Update_without_engagements_is_EI000()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.UpdateOf(EiSoap.Owner));

        AssertFault(answer, "EI000: A technical error has occurred, error message: The request contains less than 1 engagements. Minium number of engagements per request is 1.");
    }

    [Test]
    public async Task Duplicate_keys_in_one_request_are_EI002_with_both_positions()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner,
            new E(BusinessObjectInstanceIdentifier: "a"), new E(BusinessObjectInstanceIdentifier: "b"), new E(BusinessObjectInstanceIdentifier: "a", MostRecentContent: "20250101000000")));

        AssertFault(answer, "EI002: EngagementTransaction #1 and #3 have the same key. That is not allowed. See rule for Update-R1 in service contract");
    }

    [Test]
    public async Task Empty_categorization_and_NA_are_the_same_key()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner,
            new E(Categorization: "NA"), new E(Categorization: "")));

        AssertFault(answer, "EI002: EngagementTransaction #1 and #2 have the same key. That is not allowed. See rule for Update-R1 in service contract");
    }

    [Test]
    public async Task The_owner_in_an_Update_does_not_make_another_key()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner,
            new E(Owner: "SOMEONE"), new E(Owner: "SOMEONE-ELSE")));

        AssertFault(answer, "EI002: EngagementTransaction #1 and #2 have the same key. That is not allowed. See rule for Update-R1 in service contract");
    }

    [TestCase("registeredResidentIdentification")]
    [TestCase("serviceDomain")]
    [TestCase("logicalAddress")]
    [TestCase("sourceSystem")]
    [TestCase("dataController")]
    public async Task A_missing_mandatory_field_is_EI004(string field)
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, new E(), Without(new E(BusinessObjectInstanceIdentifier: "x"), field)));

        AssertFault(answer, $"EI004: The payload does not validate, error messge: mandatory field \"{field}\" is missing");
    }

    [TestCase("registeredResidentIdentification")]
    [TestCase("dataController")]
    public async Task An_empty_mandatory_field_is_EI004(string field)
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, With(new E(), field, "")));

        AssertFault(answer, $"EI004: The payload does not validate, error messge: mandatory field \"{field}\" is missing");
    }

    [TestCase("registeredResidentIdentification", " 191212121212")]
    [TestCase("serviceDomain", "riv:crm:scheduling ")]
    [TestCase("categorization", " caa-gmh")]
    [TestCase("logicalAddress", "SE1\t")]
    [TestCase("sourceSystem", " SRC")]
    [TestCase("dataController", "DC ")]
    public async Task Surrounding_white_space_is_EI004(string field, string value)
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, With(new E(), field, value)));

        AssertFault(answer, $"EI004: The payload does not validate, error messge: mandatory field \"{field}\" contains white space in beginning or end");
    }

    [TestCase("registeredResidentIdentification", 32)]
    [TestCase("serviceDomain", 255)]
    [TestCase("categorization", 255)]
    [TestCase("logicalAddress", 64)]
    [TestCase("businessObjectInstanceIdentifier", 128)]
    [TestCase("clinicalProcessInterestId", 128)]
    [TestCase("sourceSystem", 64)]
    [TestCase("dataController", 64)]
    public async Task A_field_longer_than_its_maximum_is_EI004(string field, int max)
    {
        var atMax = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, With(new E(Resident: "199002020002"), field, new string('x', max))));
        var beyond = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, With(new E(), field, new string('x', max + 1))));

        Assert.That(atMax.ResultCode, Is.EqualTo("OK"), atMax.Text);
        AssertFault(beyond, $"EI004: The payload does not validate, error messge: Field \"{field}\" is to long");
    }

    [TestCase("mostRecentContent", "20241301120000")]
    [TestCase("mostRecentContent", "20240230120000")]
    [TestCase("mostRecentContent", "2024010112000")]
    [TestCase("creationTime", "2024-01-01T12:00")]
    [TestCase("updateTime", "20240101250000")]
    public async Task A_timestamp_that_is_not_yyyyMMddHHmmss_is_EI004(string field, string value)
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, With(new E(), field, value)));

        var expected = value.Length > 14
            ? $"EI004: The payload does not validate, error messge: Field \"{field}\" is to long"
            : $"EI004: The payload does not validate, error messge: Field \"{field}\": Input date is not according to expected format \"YYYYMMDDhhmmss\": {value}";
        AssertFault(answer, expected);
    }

    [Test]
    public async Task The_platforms_own_id_as_logical_address_is_EI005()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, new E(), new E(LogicalAddress: "5565594230", BusinessObjectInstanceIdentifier: "2")));

        AssertFault(answer, "EI005: The logicalAddress in EngagementTransaction #2 is reserved and not allowed, hsa-id: 5565594230");
    }

    [Test]
    public async Task The_platforms_own_id_as_source_system_is_EI006()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner, new E(SourceSystem: "5565594230")));

        AssertFault(answer, "EI006: The sourceSystem in EngagementTransaction #1 is reserved and not allowed, hsa-id: 5565594230");
    }

    [Test]
    public async Task A_refused_batch_stores_nothing()
    {
        const string resident = "199003030003";
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.Update(EiSoap.Owner,
            new E(Resident: resident), new E(Resident: resident, BusinessObjectInstanceIdentifier: "2"), new E(Resident: resident, DataController: null, BusinessObjectInstanceIdentifier: "3")));

        AssertFault(answer, "EI004: The payload does not validate, error messge: mandatory field \"dataController\" is missing");
        Assert.That(await EiSoap.FindAsync(Http, resident), Is.Empty);
    }

    [Test]
    public async Task An_unreadable_deleteFlag_is_EI004()
    {
        var transaction = $"<ur:engagementTransaction><core:deleteFlag>yes</core:deleteFlag>{new E().Xml()}</ur:engagementTransaction>";

        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.UpdateOf(EiSoap.Owner, transaction));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.FaultString, Does.StartWith("EI004: The payload does not validate, error messge: "));
    }

    [Test]
    public async Task Another_contract_on_the_Update_endpoint_is_EI001()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, EiSoap.FindContent());

        AssertFault(answer, "EI001: The payload does not follow the XML Schema, error messge: Expected {urn:riv:itintegration:engagementindex:UpdateResponder:1}Update in the Body but found {urn:riv:itintegration:engagementindex:FindContentResponder:1}FindContent.");
    }

    [Test]
    public async Task Malformed_XML_is_a_fault_not_an_empty_500()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.FaultString, Does.StartWith("EI000: A technical error has occurred, error message: The request could not be read as XML"));
    }

    [Test]
    public async Task A_DTD_is_refused()
    {
        var envelope = "<!DOCTYPE x [<!ENTITY e \"boom\">]>" + EiSoap.Update(EiSoap.Owner, new E());

        var answer = await EiSoap.PostAsync(Http, EiSoap.UpdatePath, envelope);

        Assert.That(answer.FaultString, Does.StartWith("EI000: A technical error has occurred, error message: The request could not be read as XML"));
    }

    [Test]
    public async Task ProcessNotification_requires_an_owner()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, EiSoap.ProcessNotificationOf(EiSoap.Owner, EiSoap.Transaction(new E())));

        AssertFault(answer, "EI004: The payload does not validate, error messge: mandatory field \"owner\" is missing");
    }

    [Test]
    public async Task ProcessNotification_refuses_duplicate_keys_with_the_same_owner()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.ProcessNotificationPath, EiSoap.ProcessNotificationOf(EiSoap.Owner,
            EiSoap.Transaction(new E(Owner: "REMOTE")), EiSoap.Transaction(new E(Owner: "OTHER-REMOTE")), EiSoap.Transaction(new E(Owner: "REMOTE"))));

        AssertFault(answer, "EI002: EngagementTransaction #1 and #3 have the same key. That is not allowed. See rule for Update-R1 in service contract");
    }

    [Test]
    public async Task FindContent_without_resident_is_EI000()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.FindContentPath, EiSoap.FindContent(resident: null));

        AssertFault(answer, "EI000: A technical error has occurred, error message: registeredResidentIdentification is mandatory but missing");
    }

    [Test]
    public async Task FindContent_without_service_domain_is_EI000()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.FindContentPath, EiSoap.FindContent(serviceDomain: null));

        AssertFault(answer, "EI000: A technical error has occurred, error message: serviceDomain is mandatory but missing");
    }

    [Test]
    public async Task FindContent_with_a_malformed_mostRecentContent_is_EI004()
    {
        var answer = await EiSoap.PostAsync(Http, EiSoap.FindContentPath, EiSoap.FindContent(filters: "<ur:mostRecentContent>yesterday</ur:mostRecentContent>"));

        AssertFault(answer, "EI004: The payload does not validate, error messge: Field \"mostRecentContent\": Input date is not according to expected format \"YYYYMMDDhhmmss\": yesterday");
    }

    [Test]
    public async Task GetUpdates_without_time_stamp_is_EI000()
    {
        var envelope = EiSoap.Envelope(EiSoap.Owner, "urn:riv:itintegration:engagementindex:GetUpdatesResponder:1",
            "<ur:GetUpdates><ur:serviceDomain>riv:crm:scheduling</ur:serviceDomain></ur:GetUpdates>");

        var answer = await EiSoap.PostAsync(Http, EiSoap.GetUpdatesPath, envelope);

        AssertFault(answer, "EI000: A technical error has occurred, error message: timeStamp is mandatory but missing");
    }

    private static void AssertFault(SoapAnswer answer, string faultString)
    {
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError), answer.Text);
            Assert.That(answer.ContentType, Is.EqualTo("text/xml; charset=UTF-8"));
            Assert.That(answer.FaultString, Is.EqualTo(faultString));
            Assert.That(answer.FaultCode, Is.EqualTo("soap:Client"));
        });
    }

    private static E Without(E e, string field) => With(e, field, null);

    private static E With(E e, string field, string? value) => field switch
    {
        "registeredResidentIdentification" => e with { Resident = value },
        "serviceDomain" => e with { ServiceDomain = value },
        "categorization" => e with { Categorization = value },
        "logicalAddress" => e with { LogicalAddress = value },
        "businessObjectInstanceIdentifier" => e with { BusinessObjectInstanceIdentifier = value },
        "clinicalProcessInterestId" => e with { ClinicalProcessInterestId = value },
        "mostRecentContent" => e with { MostRecentContent = value },
        "sourceSystem" => e with { SourceSystem = value },
        "dataController" => e with { DataController = value },
        "creationTime" => e with { CreationTime = value },
        "updateTime" => e with { UpdateTime = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
