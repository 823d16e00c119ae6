using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using TjanstePlattform.EngagementIndex.Storage;
using TjanstePlattform.Platform;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.EngagementIndex.Notifications;

/// <summary>Delivers one outbox message; throws <see cref="NotificationDeliveryException"/> (or a transport error) when it was not taken.</summary>
internal interface INotificationTransport
{
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A subscriber did not take a notification (an HTTP error, a SOAP fault, ResultCode ERROR).</summary>
internal sealed class NotificationDeliveryException(string message) : Exception(message);

/// <summary>
/// Posts ProcessNotification through the platform's own router, like any consumer: LogicalAddress = the subscriber,
/// <c>x-vp-sender-id</c> = the index's consumer id, so routing (vägval) and authorization (anropsbehörighet) of the
/// catalog decide where it goes.
/// </summary>
internal sealed class RouterNotificationTransport : INotificationTransport, IDisposable
{
    private readonly HttpClient _http;
    private readonly IPlatformAddress _address;
    private readonly string _consumerId;
    private readonly string _instanceId;
    private readonly string _routerPath;

    public RouterNotificationTransport(IPlatformAddress address, IOptions<EngagementIndexOptions> options, IOptions<PlatformOptions> platform)
    {
        _address = address;
        _consumerId = options.Value.ConsumerId!;
        _instanceId = platform.Value.InstanceId;
        _routerPath = options.Value.Notifications.RouterPath;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        {
            // The resilience pipeline owns the timeout of an attempt.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var baseAddress = await _address.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, _routerPath))
        {
            Content = new StringContent(Envelope(message.Subscriber, message.Payload), new UTF8Encoding(false)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{Contracts.EngagementIndex.EngagementIndexNamespaces.ProcessNotificationAction}\"");
        request.Headers.TryAddWithoutValidation("x-vp-sender-id", _consumerId);
        request.Headers.TryAddWithoutValidation("x-vp-instance-id", _instanceId);
        request.Headers.TryAddWithoutValidation("x-rivta-original-serviceconsumer-hsaid", _consumerId);
        request.Headers.TryAddWithoutValidation("x-skltp-correlation-id", Guid.NewGuid().ToString());

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (faultString, resultCode) = Inspect(body);
        if (!response.IsSuccessStatusCode)
        {
            throw new NotificationDeliveryException(
                $"HTTP {(int)response.StatusCode} from {message.Subscriber}: {faultString ?? Shorten(body)}");
        }

        if (faultString is not null || string.Equals(resultCode, "ERROR", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotificationDeliveryException($"{message.Subscriber} answered {faultString ?? "ResultCode ERROR"}");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The SOAP 1.1 envelope around a stored ProcessNotification body.</summary>
    public static string Envelope(string subscriber, string payload) =>
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>" +
        $"<LogicalAddress xmlns=\"{RivtaNamespaces.Registry}\">{SecurityElement.Escape(subscriber)}</LogicalAddress>" +
        $"</soap:Header><soap:Body>{payload}</soap:Body></soap:Envelope>";

    private static (string? FaultString, string? ResultCode) Inspect(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var reader = SafeXml.CreateReader(new StringReader(body), maxCharacters: 4 * 1024 * 1024);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "faultstring")
                {
                    return (reader.ReadElementContentAsString(), null);
                }

                if (reader.LocalName == "ResultCode")
                {
                    return (null, reader.ReadElementContentAsString().Trim());
                }
            }
        }
        catch (XmlException)
        {
            // Not XML: the status code decides.
        }

        return (null, null);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
