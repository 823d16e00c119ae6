using Microsoft.AspNetCore.Http;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Soap.Service;

namespace TjanstePlattform.Aggregation.Tests.Support;

/// <summary>A consumer request read as the aggregating service gets it: through the SOAP layer's reader, then the descriptor.</summary>
internal static class ConsumerRequests
{
    public static (ConsumerRequest? Request, string? Error) Read(byte[] envelope)
    {
        SoapRequest soap;
        try
        {
            soap = SoapEnvelopeReader.Read(envelope, new SoapLimits(), new SoapCallContext(new HeaderDictionary(), "/", viaRouter: false));
        }
        catch (SoapReadException ex)
        {
            return (null, ex.Message);
        }

        return ConsumerRequest.Read(soap, BuiltIns.All);
    }
}
