using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

namespace TjanstePlattform.SourceSystems.Tests.Support;

/// <summary>
/// A real System.ServiceModel consumer: a ChannelFactory over the contract types, BasicHttpBinding, and the HTTP headers
/// the router reads (<c>x-vp-sender-id</c>, optionally <c>x-rivta-original-serviceconsumer-hsaid</c>) added by an inspector.
/// </summary>
internal static class Wcf
{
    public static async Task<TResult> CallAsync<TContract, TResult>(Uri address, string sender, Func<TContract, Task<TResult>> call, string? originalConsumer = null)
        where TContract : class
    {
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None)
        {
            MaxReceivedMessageSize = 16 * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(60),
            ReceiveTimeout = TimeSpan.FromSeconds(60),
        };
        var factory = new ChannelFactory<TContract>(binding, new EndpointAddress(address));
        factory.Endpoint.EndpointBehaviors.Add(new HeaderBehavior(sender, originalConsumer));
        var channel = factory.CreateChannel();
        try
        {
            return await call(channel);
        }
        finally
        {
            ((IClientChannel)channel).Abort();
            factory.Abort();
        }
    }

    private sealed class HeaderBehavior(string sender, string? originalConsumer) : IEndpointBehavior, IClientMessageInspector
    {
        public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
        {
        }

        public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => clientRuntime.ClientMessageInspectors.Add(this);

        public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
        {
        }

        public void Validate(ServiceEndpoint endpoint)
        {
        }

        public object? BeforeSendRequest(ref Message request, IClientChannel channel)
        {
            if (!request.Properties.TryGetValue(HttpRequestMessageProperty.Name, out var value) || value is not HttpRequestMessageProperty http)
            {
                http = new HttpRequestMessageProperty();
                request.Properties[HttpRequestMessageProperty.Name] = http;
            }

            http.Headers["x-vp-sender-id"] = sender;
            if (originalConsumer is not null)
            {
                http.Headers["x-rivta-original-serviceconsumer-hsaid"] = originalConsumer;
            }

            return null;
        }

        public void AfterReceiveReply(ref Message reply, object? correlationState)
        {
        }
    }
}
