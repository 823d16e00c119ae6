using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TjanstePlattform.EngagementIndex.Notifications;
using TjanstePlattform.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TjanstePlattform.EngagementIndex.Tests.Notifications;

/// <summary>
/// Notifications end to end: a subscriber registered through the catalog REST API (a routing to its address and an
/// authorization of the index's consumer id with filters), deliveries through the router, dead letters and replay.
/// </summary>
[TestFixture]
public sealed class NotificationDeliveryTests
{
    private const string ProcessNotification = "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1";
    private const string Scheduling = "riv:crm:scheduling";

    private static readonly Dictionary<string, string?> FastRetries = EiSettings.Isolated(new Dictionary<string, string?>
    {
        ["EngagementIndex:Notifications:MaxAttempts"] = "2",
        ["EngagementIndex:Notifications:BaseDelay"] = "00:00:00.020",
        ["EngagementIndex:Notifications:MaxDelay"] = "00:00:00.050",
        ["EngagementIndex:Notifications:BreakDuration"] = "00:00:00.500",
    });

    private readonly List<IAsyncDisposable> _disposables = [];

    [TearDown]
    public async Task TearDownAsync()
    {
        // Platforms first: their cancelled deliveries release a subscriber that holds a call open.
        foreach (var disposable in _disposables.OrderBy(d => d is TestPlatform ? 0 : 1))
        {
            await disposable.DisposeAsync();
        }

        _disposables.Clear();
    }

    private async Task<TestPlatform> StartPlatformAsync(string? dataDirectory = null)
    {
        var platform = await TestPlatform.StartAsync(FastRetries, dataDirectory);
        _disposables.Add(platform);
        return platform;
    }

    private async Task<FakeSubscriber> StartSubscriberAsync()
    {
        var subscriber = await FakeSubscriber.StartAsync();
        _disposables.Add(subscriber);
        return subscriber;
    }

    /// <summary>What a team does to subscribe: route ProcessNotification at its address, authorize the index's consumer id.</summary>
    private static async Task SubscribeAsync(TestPlatform platform, string logicalAddress, Uri endpoint, JsonArray? filters = null)
    {
        var catalog = new CatalogApi(platform.Http);
        await catalog.AddServiceProductionAsync(logicalAddress, ProcessNotification, new Uri(endpoint, "/subscriber/ProcessNotification").ToString());
        await catalog.AddCooperationAsync(EiSoap.Owner, logicalAddress, ProcessNotification, filters: filters);
    }

    private static JsonArray Filter(string serviceDomain, params string[] categorizations) =>
        [new JsonObject { ["serviceDomain"] = serviceDomain, ["categorizations"] = new JsonArray(categorizations.Select(c => (JsonNode)c).ToArray()) }];

    private static E Booking(string boi, string? mostRecentContent = "20250101120000", string categorization = "Booking") =>
        new(Resident: "191212121212", ServiceDomain: Scheduling, Categorization: categorization, BusinessObjectInstanceIdentifier: boi, MostRecentContent: mostRecentContent);

    [Test]
    public async Task A_change_is_delivered_through_the_router_with_the_subscribers_filters_applied()
    {
        var platform = await StartPlatformAsync();
        var subscriber = await StartSubscriberAsync();
        await SubscribeAsync(platform, "SUB-FILTERED", subscriber.Address, Filter("RIV:CRM:SCHEDULING", "booking"));

        await EiSoap.UpdateOkAsync(platform.Http,
            Booking("b1"),
            Booking("i1", categorization: "Invitation"),
            new E(BusinessObjectInstanceIdentifier: "medication"));
        await subscriber.WhenAcceptedAsync(1);

        var received = subscriber.Accepted.Single();
        Assert.Multiple(() =>
        {
            Assert.That(received.LogicalAddress, Is.EqualTo("SUB-FILTERED"));
            Assert.That(received.Transactions, Is.EqualTo(new[] { (false, "b1", (string?)"20250101120000") }));
            Assert.That(received.Headers["x-rivta-original-serviceconsumer-hsaid"], Is.EqualTo(EiSoap.Owner));
            Assert.That(received.Headers, Does.ContainKey("x-skltp-correlation-id"));
            Assert.That(received.Headers["x-rivta-routing-history"], Is.EqualTo("tjp-local"), "the call went through the router");
        });
    }

    [Test]
    public async Task Only_new_changed_or_deleted_engagements_are_notified()
    {
        var platform = await StartPlatformAsync();
        var subscriber = await StartSubscriberAsync();
        await SubscribeAsync(platform, "SUB-ALL", subscriber.Address);

        await EiSoap.UpdateOkAsync(platform.Http, Booking("b1"), Booking("b2"));
        await EiSoap.UpdateOkAsync(platform.Http, Booking("b1"), Booking("b2"));
        await EiSoap.UpdateOkAsync(platform.Http, Booking("b1"), Booking("b2", mostRecentContent: "20250202120000"));
        await EiSoap.PostAsync(platform.Http, EiSoap.UpdatePath, EiSoap.UpdateOf(EiSoap.Owner, EiSoap.Transaction(Booking("b1"), delete: true), EiSoap.Transaction(Booking("never"), delete: true)));
        await subscriber.WhenAcceptedAsync(3);

        // One ordered queue: an identical re-send would have produced a notification before the later ones.
        Assert.That(subscriber.Accepted.Select(r => r.Transactions), Is.EqualTo(new[]
        {
            new[] { (false, "b1", (string?)"20250101120000"), (false, "b2", (string?)"20250101120000") },
            new[] { (false, "b2", (string?)"20250202120000") },
            new[] { (true, "b1", (string?)"20250101120000") },
        }));
    }

    [Test]
    public async Task A_failing_subscriber_ends_in_the_dead_letters_and_a_replay_delivers_it()
    {
        var platform = await StartPlatformAsync();
        var subscriber = await StartSubscriberAsync();
        subscriber.Behaviour = (_, _) => Task.FromResult((500, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>subscriber is down</faultstring></soap:Fault></soap:Body></soap:Envelope>"));
        await SubscribeAsync(platform, "SUB-DOWN", subscriber.Address);
        var outcomes = Observe(platform);

        await EiSoap.UpdateOkAsync(platform.Http, Booking("b1"));
        var deadLettered = await outcomes.NextAsync();

        Assert.That(deadLettered.Delivered, Is.False);
        var letters = await platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/engagementIndex/deadLetters");
        var letter = letters!.Single()!.AsObject();
        Assert.That(letter["subscriber"]!.GetValue<string>(), Is.EqualTo("SUB-DOWN"));
        Assert.That(letter["attempts"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(letter["lastError"]!.GetValue<string>(), Does.Contain("HTTP 500").And.Contain("subscriber is down"));
        Assert.That(subscriber.All, Has.Count.EqualTo(2));

        subscriber.Behaviour = (_, _) => Task.FromResult((200, FakeSubscriber.OkResponse));
        var id = letter["id"]!.GetValue<long>();
        using var replay = await platform.Http.PostAsync($"/api/v1/engagementIndex/deadLetters/{id}/replay", null);
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var delivered = await outcomes.NextAsync();

        Assert.That(delivered.Delivered, Is.True);
        Assert.That(subscriber.Accepted.Single().Transactions.Single().Boi, Is.EqualTo("b1"));
        Assert.That(await platform.Http.GetFromJsonAsync<JsonArray>("/api/v1/engagementIndex/deadLetters"), Is.Empty);
        using var again = await platform.Http.PostAsync($"/api/v1/engagementIndex/deadLetters/{id}/replay", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_hanging_subscriber_slows_neither_Update_nor_other_subscribers()
    {
        var platform = await StartPlatformAsync();
        var slow = await StartSubscriberAsync();
        var fast = await StartSubscriberAsync();
        slow.Behaviour = async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return (200, FakeSubscriber.OkResponse);
        };
        await SubscribeAsync(platform, "SUB-SLOW", slow.Address);
        await SubscribeAsync(platform, "SUB-FAST", fast.Address);

        await EiSoap.UpdateOkAsync(platform.Http, Booking("b1"));
        await slow.WhenArrivedAsync(1);
        for (var i = 2; i <= 4; i++)
        {
            await EiSoap.UpdateOkAsync(platform.Http, Booking($"b{i}"));
        }

        await fast.WhenAcceptedAsync(4);
        Assert.That(fast.Accepted.Select(r => r.Transactions.Single().Boi), Is.EqualTo(new[] { "b1", "b2", "b3", "b4" }));
        Assert.That(slow.Accepted, Is.Empty);
    }

    [Test]
    public async Task Pending_deliveries_survive_a_restart_and_each_notification_arrives_once()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tjp-tests", "ei-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var subscriber = await StartSubscriberAsync();
            subscriber.Behaviour = async (number, context) =>
            {
                if (number == 1)
                {
                    // The first delivery is in flight when the platform stops.
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }

                return (200, FakeSubscriber.OkResponse);
            };

            await using (var first = await TestPlatform.StartAsync(FastRetries, directory))
            {
                await SubscribeAsync(first, "SUB-RESTART", subscriber.Address);
                await EiSoap.UpdateOkAsync(first.Http, Booking("n1"));
                await EiSoap.UpdateOkAsync(first.Http, Booking("n2"));
                await EiSoap.UpdateOkAsync(first.Http, Booking("n3"));
                await subscriber.WhenArrivedAsync(1);
            }

            Assert.That(subscriber.Accepted, Is.Empty, "nothing was delivered before the stop");
            var second = await StartPlatformAsync(directory);
            await subscriber.WhenAcceptedAsync(3);
            await EiSoap.UpdateOkAsync(second.Http, Booking("n4"));
            await subscriber.WhenAcceptedAsync(4);

            Assert.That(subscriber.Accepted.Select(r => r.Transactions.Single().Boi), Is.EqualTo(new[] { "n1", "n2", "n3", "n4" }));
        }
        finally
        {
            await TearDownAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_WireMock_subscriber_gets_the_notification_as_a_RIVTA_ProcessNotification()
    {
        var platform = await StartPlatformAsync();
        using var wiremock = WireMockServer.Start();
        wiremock.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=UTF-8").WithBody(FakeSubscriber.OkResponse));
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wiremock.LogEntriesChanged += (_, _) => arrived.TrySetResult();
        await SubscribeAsync(platform, "SUB-WIREMOCK", new Uri(wiremock.Url!));
        var outcomes = Observe(platform);

        await EiSoap.UpdateOkAsync(platform.Http, Booking("w1"));
        var outcome = await outcomes.NextAsync();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(outcome.Delivered, Is.True);
        var request = wiremock.LogEntries.Single().RequestMessage;
        var body = System.Xml.Linq.XDocument.Parse(request!.Body!);
        Assert.That(body.Descendants().First(e => e.Name.LocalName == "Body").Elements().Single().Name,
            Is.EqualTo(System.Xml.Linq.XName.Get("ProcessNotification", ProcessNotification)));
        Assert.That(body.Descendants(System.Xml.Linq.XName.Get("LogicalAddress", "urn:riv:itintegration:registry:1")).Single().Value, Is.EqualTo("SUB-WIREMOCK"));
    }

    /// <summary>The dispatcher's outcomes as an awaitable sequence.</summary>
    private static OutcomeObserver Observe(TestPlatform platform)
    {
        var observer = new OutcomeObserver();
        platform.Services.GetRequiredService<NotificationDispatcher>().Completed += observer.Add;
        return observer;
    }

    private sealed class OutcomeObserver
    {
        private readonly ConcurrentQueue<NotificationOutcome> _queue = new();
        private readonly SemaphoreSlim _available = new(0);

        public void Add(NotificationOutcome outcome)
        {
            _queue.Enqueue(outcome);
            _available.Release();
        }

        public async Task<NotificationOutcome> NextAsync()
        {
            Assert.That(await _available.WaitAsync(TimeSpan.FromSeconds(30)), Is.True, "no notification outcome within 30 s");
            _queue.TryDequeue(out var outcome);
            return outcome!;
        }
    }
}
