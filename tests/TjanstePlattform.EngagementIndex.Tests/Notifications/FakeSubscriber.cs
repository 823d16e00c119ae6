using System.Collections.Concurrent;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TjanstePlattform.EngagementIndex.Tests.Notifications;

/// <summary>
/// A ProcessNotification producer on 127.0.0.1:0 whose answers the test decides per call (answer, fail, hang),
/// recording what it got and signalling each arrival.
/// </summary>
internal sealed class FakeSubscriber : IAsyncDisposable
{
    public const string OkResponse =
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ProcessNotificationResponse xmlns=\"urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1\"><ResultCode>OK</ResultCode></ProcessNotificationResponse></soap:Body></soap:Envelope>";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    private FakeSubscriber(WebApplication app) => _app = app;

    /// <summary>Decides the answer to a call (its 1-based number): status and body; it may await to hang.</summary>
    public Func<int, HttpContext, Task<(int Status, string Body)>> Behaviour { get; set; } =
        (_, _) => Task.FromResult((200, OkResponse));

    public Uri Address { get; private set; } = null!;

    /// <summary>Calls answered 2xx, in arrival order.</summary>
    public IReadOnlyList<Received> Accepted => _received.Where(r => r.Status is >= 200 and < 300).ToList();

    public IReadOnlyList<Received> All => _received.ToList();

    public static async Task<FakeSubscriber> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var subscriber = new FakeSubscriber(app);
        var calls = 0;
        app.MapPost("/{**path}", async context =>
        {
            var number = Interlocked.Increment(ref calls);
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            subscriber.Arrived(number);
            var (status, answer) = await subscriber.Behaviour(number, context);
            subscriber._received.Enqueue(new Received(number, body, headers, status));
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/xml; charset=UTF-8";
            await context.Response.WriteAsync(answer);
            subscriber.Answered();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        subscriber.Address = new Uri(address);
        return subscriber;
    }

    /// <summary>Completes once <paramref name="count"/> calls have been answered 2xx.</summary>
    public Task WhenAcceptedAsync(int count) => Waiter(count, accepted: true);

    /// <summary>Completes once <paramref name="count"/> calls have arrived (answered or not).</summary>
    public Task WhenArrivedAsync(int count) => Waiter(-count, accepted: false);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private int _arrived;

    private Task Waiter(int count, bool accepted)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((count, signal));
        }

        Check();
        return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Arrived(int number)
    {
        Interlocked.Increment(ref _arrived);
        Check();
    }

    private void Answered() => Check();

    private void Check()
    {
        lock (_lock)
        {
            var accepted = Accepted.Count;
            foreach (var waiter in _waiters.ToList())
            {
                var done = waiter.Count > 0 ? accepted >= waiter.Count : Volatile.Read(ref _arrived) >= -waiter.Count;
                if (done)
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}

internal sealed record Received(int Number, string Body, IReadOnlyDictionary<string, string> Headers, int Status)
{
    private static readonly XNamespace Core = "urn:riv:itintegration:engagementindex:1";

    public XDocument Document => XDocument.Parse(Body);

    public string? LogicalAddress => Document.Descendants(XName.Get("LogicalAddress", "urn:riv:itintegration:registry:1")).LastOrDefault()?.Value;

    /// <summary>(deleteFlag, businessObjectInstanceIdentifier, mostRecentContent) of each transaction.</summary>
    public IReadOnlyList<(bool Delete, string Boi, string? MostRecentContent)> Transactions => Document
        .Descendants().Where(e => e.Name.LocalName == "engagementTransaction")
        .Select(t => (
            t.Element(Core + "deleteFlag")!.Value == "true",
            t.Element(Core + "engagement")!.Element(Core + "businessObjectInstanceIdentifier")!.Value,
            t.Element(Core + "engagement")!.Element(Core + "mostRecentContent")?.Value))
        .ToList();
}
