namespace TjanstePlattform.Routing.Headers;

/// <summary>The HTTP header names of the national platform (clients match on them).</summary>
public static class RivtaHeaders
{
    public const string SenderId = "x-vp-sender-id";
    public const string InstanceId = "x-vp-instance-id";
    public const string AuthCert = "x-vp-auth-cert";
    public const string OriginalServiceConsumer = "x-rivta-original-serviceconsumer-hsaid";
    public const string CorrelationId = "x-skltp-correlation-id";
    public const string RoutingHistory = "x-rivta-routing-history";
    public const string ProducerResponseTime = "x-skltp-prt";

    /// <summary>Header name prefixes never passed on to producers.</summary>
    public const string VpPrefix = "x-vp-";
    public const string ForwardedPrefix = "X-Forwarded-";
}
