using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TjanstePlattform.Conformance.Tests.Common;

/// <summary>
/// Reads and writes whole SOAP 1.1 envelopes with a [MessageContract] type exactly as WCF and SoapCore
/// do (headers and body, XmlSerializer format), without a network in between.
/// </summary>
public static class MessageContractCodec
{
    /// <summary>Deserializes an envelope into the message contract <typeparamref name="T"/>.</summary>
    public static T Read<T>(XDocument envelope, string action)
        where T : class
    {
        var converter = TypedMessageConverter.Create(typeof(T), action, new XmlSerializerFormatAttribute());
        using var reader = XmlReader.Create(
            new StringReader(envelope.ToString(SaveOptions.DisableFormatting)),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        using var message = Message.CreateMessage(reader, int.MaxValue, MessageVersion.Soap11);
        return (T)converter.FromMessage(message);
    }

    /// <summary>Serializes <paramref name="value"/> into a SOAP 1.1 envelope.</summary>
    public static XDocument Write<T>(T value, string action)
        where T : class
    {
        var converter = TypedMessageConverter.Create(typeof(T), action, new XmlSerializerFormatAttribute());
        using var message = converter.ToMessage(value, MessageVersion.Soap11);

        // With AddressingVersion.None the action travels as the HTTP SOAPAction; WCF keeps an internal
        // addressing/none Action header in the collection that never goes on the wire.
        message.Headers.Action = null;
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            message.WriteMessage(writer);
        }

        return XDocument.Parse(text.ToString(), LoadOptions.SetLineInfo);
    }
}
