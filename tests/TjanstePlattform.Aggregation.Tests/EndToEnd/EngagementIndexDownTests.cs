using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Aggregation.Tests.Support;
using TjanstePlattform.EngagementIndex.Engagements;

namespace TjanstePlattform.Aggregation.Tests.EndToEnd;

/// <summary>The one failure that fails the whole call: the engagement index cannot be searched.</summary>
public class EngagementIndexDownTests
{
    [Test]
    public async Task The_consumer_gets_a_SOAP_fault_through_the_router()
    {
        await using var world = await AggregationWorld.StartAsync(configure: b => b.Services.AddSingleton<IEngagementFinder, DownIndex>());

        var answer = await world.CallAsync(Payloads.GmhRouterPath, Payloads.GmhRequest(AggregationWorld.NewPatient()), correlationId: "corr-ei-down");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.Body.Element("faultcode")!.Value, Is.EqualTo("soap:Server"));
        Assert.That(answer.FaultString, Is.EqualTo("The aggregating service could not search the engagement index (FindContent)."));
        Assert.That(answer.Body.Element("detail")!.Value, Does.Contain("SQLite is gone"));
        Assert.That(answer.Headers["x-skltp-correlation-id"], Is.EqualTo("corr-ei-down"));
    }

    private sealed class DownIndex : IEngagementFinder
    {
        public Task<IReadOnlyList<Engagement>> FindAsync(EngagementQuery query, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("SQLite is gone.");
    }
}
