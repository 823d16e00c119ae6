using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Catalog.Model;
using TjanstePlattform.Catalog.Snapshots;
using TjanstePlattform.Routing;
using TjanstePlattform.Routing.Pipeline;
using TjanstePlattform.Platform;
using TjanstePlattform.Testing;
using Yarp.ReverseProxy.Forwarder;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Benchmarks.Router;

/// <summary>
/// The router's own work per call, without a network: one thread calls the router endpoint over an in-memory request,
/// with a forwarder that only runs the transforms as YARP would. The same calls made straight to that forwarder with
/// YARP's plain transformer are the baseline; the difference is what routing a call costs (µs and bytes).
/// </summary>
public sealed class RouterLogicBenchmark : IBenchmark
{
    private const string Sender = "BENCH-CONSUMER";
    private const string Receiver = "SE-BENCH";

    public string Name => "router-logic";

    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Name"] = "TJP",
            ["Platform:InstanceId"] = "bench",
            ["Platform:HsaId"] = "5565594230",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.SectionName);
        services.AddRouter(configuration);
        var validity = new Validity(new DateOnly(2000, 1, 1), new DateOnly(2999, 12, 31));
        services.AddSingleton<ICatalogSnapshotSource>(FixedCatalog.With(
            [new ServiceProduction(1, "P", Receiver, GetMedicationHistoryNamespace, "http://127.0.0.1:9/producer", RivtaProfiles.Bp21, validity)],
            [new Cooperation(1, Sender, Receiver, GetMedicationHistoryNamespace, validity, [])]));
        var forwarder = new TransformsOnlyForwarder(Encoding.UTF8.GetBytes(GetMedicationHistoryResponse()));
        services.AddSingleton<IHttpForwarder>(forwarder);
        services.AddSingleton<IPlatformAddress>(new FixedAddress(new Uri("http://127.0.0.1:9/")));
        await using var provider = services.BuildServiceProvider();
        var router = provider.GetRequiredService<RouterEndpoint>();
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var envelope = Encoding.UTF8.GetBytes(GetMedicationHistory(Receiver));

        async Task ThroughRouter()
        {
            var context = Context(envelope);
            await router.InvokeAsync(context);
            if (context.Response.StatusCode != 200)
            {
                throw new InvalidOperationException($"The router answered {context.Response.StatusCode}.");
            }
        }

        Task Baseline() => forwarder.SendAsync(Context(envelope), "http://127.0.0.1:9/producer", invoker, ForwarderRequestConfig.Empty, HttpTransformer.Empty).AsTask();

        const int warmup = 50_000, calls = 300_000;
        // BENCH_LOGIC_ROUTER_ONLY=1 skips the baseline, to profile the router's share alone.
        var (baseUs, baseBytes) = Environment.GetEnvironmentVariable("BENCH_LOGIC_ROUTER_ONLY") == "1"
            ? (0, 0)
            : await MeasureAsync(Baseline, warmup, calls, cancellationToken);
        var (routerUs, routerBytes) = await MeasureAsync(ThroughRouter, warmup, calls, cancellationToken);
        output.WriteLine($"in-memory call, transforms only (baseline): {baseUs,6:F2} µs, {baseBytes,6} bytes allocated per call");
        output.WriteLine($"through the router:                         {routerUs,6:F2} µs, {routerBytes,6} bytes allocated per call");
        output.WriteLine($"the router's own work:                      {routerUs - baseUs,6:F2} µs, {routerBytes - baseBytes,6} bytes per call (head peek, sender, routing, authorization, header rules)");
    }

    private static async Task<(double Microseconds, long Bytes)> MeasureAsync(Func<Task> call, int warmup, int calls, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var done = 0;
        for (; done < calls && !cancellationToken.IsCancellationRequested; done++)
        {
            await call();
        }

        watch.Stop();
        return (watch.Elapsed.TotalMicroseconds / done, (GC.GetAllocatedBytesForCurrentThread() - allocated) / done);
    }

    private static DefaultHttpContext Context(byte[] envelope)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 8080);
        request.Path = "/vp/clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";
        request.ContentType = "text/xml; charset=UTF-8";
        request.ContentLength = envelope.Length;
        request.Headers["x-vp-sender-id"] = Sender;
        request.Body = new MemoryStream(envelope, writable: false);

        // Kestrel's body pipe hands out its own pooled buffers: a pipe over the bytes stands in for it.
        context.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(PipeReader.Create(new ReadOnlySequence<byte>(envelope))));
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Response.Body = Stream.Null;
        return context;
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }

    /// <summary>Does what YARP does around the transforms (request message, body copy, response), with no network.</summary>
    private sealed class TransformsOnlyForwarder(byte[] answer) : IHttpForwarder
    {
        private static readonly MediaTypeHeaderValue TextXml = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");

        public async ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient, ForwarderRequestConfig requestConfig, HttpTransformer transformer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = new StreamContent(context.Request.Body) };
            await transformer.TransformRequestAsync(context, request, destinationPrefix, context.RequestAborted);
            request.RequestUri ??= new Uri(destinationPrefix);
            await context.Request.Body.CopyToAsync(Stream.Null);
            using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answer) };
            response.Content.Headers.ContentType = TextXml;
            response.Content.Headers.ContentLength = answer.Length;
            if (await transformer.TransformResponseAsync(context, response, context.RequestAborted))
            {
                await context.Response.Body.WriteAsync(answer);
            }

            return ForwarderError.None;
        }
    }

    /// <summary>The platform's address as the host would know it once listening (no built-in producer is called here).</summary>
    private sealed class FixedAddress(Uri address) : IPlatformAddress
    {
        public Uri? BaseAddress => address;

        public Task<Uri> GetBaseAddressAsync(CancellationToken cancellationToken = default) => Task.FromResult(address);
    }
}
