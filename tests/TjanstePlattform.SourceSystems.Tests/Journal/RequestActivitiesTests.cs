using System.ServiceModel;
using TjanstePlattform.Contracts.RequestStatus;
using TjanstePlattform.Contracts.RequestStatus.GetRequestActivities;
using TjanstePlattform.SourceSystems.Tests.Support;

namespace TjanstePlattform.SourceSystems.Tests.Journal;

/// <summary>GetRequestActivities 1 at the journal systems that hold referrals, through the router.</summary>
public class RequestActivitiesTests : DemoWorldFixture
{
    private Calls Calls => new(Platform);

    [Test]
    public async Task Every_event_of_the_patients_requests_is_answered_in_time_order()
    {
        var response = await Calls.RequestActivitiesAsync(Jrn1, new GetRequestActivitiesType { SubjectOfCareId = Tolvan });

        var events = response.GetRequestActivitiesResponseValue.RequestActivity;
        Assert.That(events.Select(e => e.EventTime), Is.EqualTo(new[] { "20190505101500", "20190510083000", "20240215111000", "20240220090000", "20240301081500" }));
        Assert.That(events.Select(e => e.LogicalSystemId), Is.All.EqualTo(Jrn1));
        Assert.That(response.ProcessingStatus, Is.Null);
    }

    [Test]
    public async Task TypeOfRequest_fromDate_toDate_and_careUnitId_filter()
    {
        var referralsSince2020 = await Calls.RequestActivitiesAsync(Jrn1, new GetRequestActivitiesType
        {
            SubjectOfCareId = Tolvan,
            TypeOfRequest = [RequestTypeCodeEnum.Type1],
            FromDate = "20200101000000",
        });
        var until2019 = await Calls.RequestActivitiesAsync(Jrn1, new GetRequestActivitiesType { SubjectOfCareId = Tolvan, ToDate = "20191231235959" });
        var otherUnit = await Calls.RequestActivitiesAsync(Jrn1, new GetRequestActivitiesType { SubjectOfCareId = Tolvan, CareUnitId = ["SE2321000016-OTHER"] });

        Assert.That(referralsSince2020.GetRequestActivitiesResponseValue.RequestActivity.Select(e => (e.SenderRequestId, e.StatusCode)),
            Is.EqualTo(new[] { ("JRN1-REM-1002", StatusCodeEnum.Status10), ("JRN1-REM-1002", StatusCodeEnum.Status30) }));
        Assert.That(until2019.GetRequestActivitiesResponseValue.RequestActivity, Has.Count.EqualTo(2));
        Assert.That(otherUnit.GetRequestActivitiesResponseValue.RequestActivity, Is.Empty);
    }

    [Test]
    public async Task A_journal_system_without_referrals_has_no_routing_for_the_contract()
    {
        var fault = await Assert.ThrowsAsync<FaultException>(() => Calls.RequestActivitiesAsync(Jrn3, new GetRequestActivitiesType { SubjectOfCareId = Olle }));

        Assert.That(fault!.Reason.GetMatchingTranslation().Text, Does.StartWith("VP004 [TJP]"));
    }
}
