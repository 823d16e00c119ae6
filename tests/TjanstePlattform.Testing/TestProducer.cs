using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TjanstePlattform.Testing;

/// <summary>
/// A producer on real Kestrel at 127.0.0.1:0 whose behaviour is a delegate: for tests that need to see the
/// exact request (headers, byte counts) or stream large answers. WireMock serves the canned cases.
/// </summary>
public sealed class TestProducer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestProducer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The producer's physical address (register it in the catalog).</summary>
    public Uri Address { get; }

    /// <summary>Starts the producer; <paramref name="services"/> adds what the handler resolves from <c>RequestServices</c>.</summary>
    public static async Task<TestProducer> StartAsync(RequestDelegate handler, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestProducer(app, new Uri(address + "/producer"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A loopback address where nothing listens: connecting is refused at once.</summary>
    public static Uri RefusingAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/producer");
    }
}

/// <summary>A TCP listener that accepts connections and never answers: a hanging producer, without sleeps.</summary>
public sealed class SilentProducer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentProducer()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/producer");
        _ = AcceptAsync();
    }

    public Uri Address { get; }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }
    }
}
