using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapCore;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>
/// A SoapCore endpoint for one service contract on real Kestrel (127.0.0.1, port 0), implemented with
/// the project's contract types, plus a System.ServiceModel client for it. The raw request and response
/// envelopes of the last call are kept so tests can check the wire format against the official XSD.
/// </summary>
public sealed class SoapCoreServer<TContract> : IAsyncDisposable
    where TContract : class
{
    private readonly WebApplication _app;
    private readonly ChannelFactory<TContract> _factory;

    private SoapCoreServer(WebApplication app, Uri address, WireLog wire)
    {
        _app = app;
        Address = address;
        Wire = wire;
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None)
        {
            MaxReceivedMessageSize = 64 * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(30),
            ReceiveTimeout = TimeSpan.FromSeconds(30),
        };
        _factory = new ChannelFactory<TContract>(binding, new EndpointAddress(address));
    }

    /// <summary>The endpoint URL, e.g. <c>http://127.0.0.1:54321/service</c>.</summary>
    public Uri Address { get; }

    /// <summary>The raw envelopes of the last call.</summary>
    public WireLog Wire { get; }

    /// <summary>Starts an endpoint at <paramref name="path"/> served by <paramref name="implementation"/>.</summary>
    public static async Task<SoapCoreServer<TContract>> StartAsync(TContract implementation, string path = "/service")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSoapCore();
        builder.Services.AddSingleton(implementation);
        var app = builder.Build();

        var wire = new WireLog();
        app.Use(async (context, next) =>
        {
            // Buffer both directions so the test can read exactly what crossed the wire.
            context.Request.EnableBuffering();
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true))
            {
                wire.Request = await reader.ReadToEndAsync();
            }

            context.Request.Body.Position = 0;
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            await next(context);
            wire.Response = Encoding.UTF8.GetString(buffer.ToArray());
            buffer.Position = 0;
            context.Response.Body = original;
            await buffer.CopyToAsync(original);
        });
        ((IApplicationBuilder)app).UseSoapEndpoint<TContract>(path, new SoapEncoderOptions(), SoapSerializer.XmlSerializer);

        await app.StartAsync();
        var server = app.Services.GetRequiredService<IServer>();
        var bound = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SoapCoreServer<TContract>(app, new Uri(new Uri(bound), path), wire);
    }

    /// <summary>A new WCF channel to the endpoint (dispose it through <see cref="ICommunicationObject"/>).</summary>
    public TContract CreateClient() => _factory.CreateChannel();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _factory.Close();
        }
        catch (CommunicationException)
        {
            _factory.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What crossed the wire in the last call.</summary>
public sealed class WireLog
{
    public string Request { get; set; } = "";

    public string Response { get; set; } = "";
}

/// <summary>Closing WCF channels without leaking them when a call faulted.</summary>
public static class WcfChannels
{
    public static void CloseQuietly(object channel)
    {
        if (channel is ICommunicationObject communication)
        {
            if (communication.State == CommunicationState.Faulted)
            {
                communication.Abort();
            }
            else
            {
                try
                {
                    communication.Close();
                }
                catch (CommunicationException)
                {
                    communication.Abort();
                }
            }
        }
    }
}
