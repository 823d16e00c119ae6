using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.Contracts.Scheduling;
using TjanstePlattform.EngagementIndex.Engagements;
using TjanstePlattform.SourceSystems.Tests.Support;

namespace TjanstePlattform.SourceSystems.Tests.DemoWorld;

/// <summary><c>POST /api/v1/sourceSystems/reset</c>: the demo world back to its data files, EI brought in line.</summary>
public class ResetTests : DemoWorldFixture
{
    [Test]
    public async Task Reset_restores_bookings_and_orders_and_removes_new_bookings_from_EI()
    {
        var calls = new Calls(Platform);
        var made = await calls.MakeAsync(Bok1, Tolvan, "20351025090000", "20351025093000", Calls.Actor(Tolvan));
        await calls.CancelAsync(Bok1, "BOK1-1002", Calls.Actor(Tolvan));

        using var reset = await Platform.Http.PostAsync("/api/v1/sourceSystems/reset", null);
        var answer = (await reset.Content.ReadFromJsonAsync<JsonObject>())!;

        var schedule = await calls.ScheduleAsync(Bok1, Tolvan, Calls.Actor(Tolvan));
        var engagements = await Platform.Services.GetRequiredService<IEngagementFinder>().FindAsync(new EngagementQuery(Tolvan, "riv:crm:scheduling"));
        Assert.That(made.Body.ResultCode, Is.EqualTo(ResultCodeEnum.Ok));
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer["engagementIndexUpdated"]!.GetValue<bool>(), Is.True);
        Assert.That(schedule.Body.TimeslotDetail.Select(t => t.BookingId), Is.EquivalentTo(new[] { "BOK1-1001", "BOK1-1002" }));
        Assert.That(engagements.Select(e => e.BusinessObjectInstanceIdentifier), Is.EquivalentTo(new[] { "BOK1-1001", "BOK1-1002", "BOK2-2001" }));
    }
}
