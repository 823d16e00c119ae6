using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace TjanstePlattform.Testing;

/// <summary>
/// A real WCF (System.ServiceModel) consumer, as .NET e-services call the platform: BasicHttpBinding (SOAP 1.1),
/// the contract's message headers, and the platform's HTTP headers (x-vp-sender-id …) added per call.
/// </summary>
public static class WcfConsumer
{
    public static ChannelFactory<TChannel> Factory<TChannel>(Uri address, string? senderId = "TEST-CONSUMER", IReadOnlyDictionary<string, string>? httpHeaders = null)
    {
        var binding = new BasicHttpBinding(address.Scheme == Uri.UriSchemeHttps ? BasicHttpSecurityMode.Transport : BasicHttpSecurityMode.None)
        {
            MaxReceivedMessageSize = 64L * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(60),
            ReceiveTimeout = TimeSpan.FromSeconds(60),
        };
        var factory = new ChannelFactory<TChannel>(binding, new EndpointAddress(address));
        var headers = new Dictionary<string, string>(httpHeaders ?? new Dictionary<string, string>());
        if (senderId is not null)
        {
            headers["x-vp-sender-id"] = senderId;
        }

        factory.Endpoint.EndpointBehaviors.Add(new HttpHeadersBehavior(headers));
        return factory;
    }

    /// <summary>The HTTP response headers of the last call made through a factory created with <see cref="Factory{TChannel}"/>.</summary>
    public static IReadOnlyDictionary<string, string> LastResponseHeaders<TChannel>(ChannelFactory<TChannel> factory) =>
        factory.Endpoint.EndpointBehaviors.OfType<HttpHeadersBehavior>().Single().LastResponseHeaders;

    private sealed class HttpHeadersBehavior(Dictionary<string, string> headers) : IEndpointBehavior, IClientMessageInspector
    {
        public IReadOnlyDictionary<string, string> LastResponseHeaders { get; private set; } = new Dictionary<string, string>();

        public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters) { }

        public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => clientRuntime.ClientMessageInspectors.Add(this);

        public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher) { }

        public void Validate(ServiceEndpoint endpoint) { }

        public object? BeforeSendRequest(ref Message request, IClientChannel channel)
        {
            if (!request.Properties.TryGetValue(HttpRequestMessageProperty.Name, out var existing) || existing is not HttpRequestMessageProperty property)
            {
                property = new HttpRequestMessageProperty();
                request.Properties[HttpRequestMessageProperty.Name] = property;
            }

            foreach (var (name, value) in headers)
            {
                property.Headers[name] = value;
            }

            return null;
        }

        public void AfterReceiveReply(ref Message reply, object? correlationState)
        {
            if (reply.Properties.TryGetValue(HttpResponseMessageProperty.Name, out var value) && value is HttpResponseMessageProperty response)
            {
                LastResponseHeaders = response.Headers.AllKeys.Where(k => k is not null)
                    .ToDictionary(k => k!, k => response.Headers[k!] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            }
        }
    }
}
