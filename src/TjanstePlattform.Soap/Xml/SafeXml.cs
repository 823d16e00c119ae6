using System.Xml;

namespace TjanstePlattform.Soap.Xml;

/// <summary>
/// The one place that says how the platform reads XML: no DTD, no external resolution,
/// bounded character counts. Every reader in the platform starts from these settings.
/// </summary>
public static class SafeXml
{
    /// <summary>Reader settings for untrusted input. A DTD makes the read fail (VP015 on the router).</summary>
    public static XmlReaderSettings ReaderSettings(bool async = false, long maxCharacters = 0) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = async,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharacters,
    };

    /// <summary>Opens a safe reader over a stream.</summary>
    public static XmlReader CreateReader(Stream stream, bool async = false, long maxCharacters = 0)
        => XmlReader.Create(stream, ReaderSettings(async, maxCharacters));

    /// <summary>Opens a safe reader over a string.</summary>
    public static XmlReader CreateReader(TextReader reader, long maxCharacters = 0)
        => XmlReader.Create(reader, ReaderSettings(false, maxCharacters));

    /// <summary>Loads a small document (catalog look-ups, tests, tooling) safely.</summary>
    public static XmlDocument LoadDocument(Stream stream)
    {
        var doc = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
        using var reader = CreateReader(stream);
        doc.Load(reader);
        return doc;
    }
}
