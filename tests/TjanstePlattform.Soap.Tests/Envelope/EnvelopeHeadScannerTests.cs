using System.Text;
using TjanstePlattform.Soap.Envelope;
using TjanstePlattform.Testing;
using static TjanstePlattform.Testing.SoapMessages;

namespace TjanstePlattform.Soap.Tests.Envelope;

/// <summary>
/// The scanner is the router's fast path: for every head it accepts it must say exactly what the XmlReader says,
/// and it must never accept a head the XmlReader rejects. The XmlReader is the oracle throughout.
/// </summary>
public class EnvelopeHeadScannerTests
{
    private const string Bp21 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:riv:itintegration:registry:1">
          <soapenv:Header><urn:LogicalAddress>SE123</urn:LogicalAddress></soapenv:Header>
          <soapenv:Body><x:GetMedicationHistory xmlns:x="urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"><x:patientId/></x:GetMedicationHistory></soapenv:Body>
        </soapenv:Envelope>
        """;

    /// <summary>Mutations that stay well-formed, break the markup, or lead the scanner to give up.</summary>
    private static readonly string[] Insertions =
    [
        " ", "\n", "\r", "\t", "\r\n", "<", ">", "/", "=", "\"", "'", ":", "&", "&amp;", "&#65;", "]", "]]>", "!", "?", "x", "-", ".", "1",
        "\u00e9", "\0", "\u0001", "<!-- c -->", "<![CDATA[c]]>", "<?pi x?>", " xmlns:q=\"urn:q\"", " xmlns=\"urn:d\"", " xmlns=\"\"",
        " q:a=\"1\"", " a=\"1\"", " a=\"1\" a=\"2\"", " xmlns:xml=\"urn:x\"", "<a/>", "</a>", "<a>", "<q:a/>", "<!DOCTYPE x>",
        "<LogicalAddress xmlns=\"urn:riv:itintegration:registry:1\">Z</LogicalAddress>",
        "<wsa:To xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">T</wsa:To>",
        "<soapenv:Body><y xmlns=\"urn:y\"/></soapenv:Body>",
    ];

    [Test]
    public void Reads_every_sample_envelope_as_the_XmlReader_does()
    {
        var corpus = Corpus();
        var found = 0;
        foreach (var (name, bytes) in corpus)
        {
            var outcome = EnvelopeHeadScanner.Scan(bytes, out var scanned);
            var oracle = EnvelopeHeadReader.ReadWithXmlReader(bytes);
            if (outcome == EnvelopeHeadScanner.Outcome.Found)
            {
                found++;
                AssertSame(name, scanned, oracle);
            }
        }

        // The fast path must actually carry the ordinary requests: every sample the project writes itself.
        var own = corpus.Where(c => c.Name.StartsWith("wsdl", StringComparison.Ordinal)).ToArray();
        Assert.That(own, Is.Not.Empty);
        Assert.That(own.Where(c => EnvelopeHeadScanner.Scan(c.Bytes, out _) != EnvelopeHeadScanner.Outcome.Found).Select(c => c.Name), Is.Empty);
        Assert.That(found, Is.GreaterThan(corpus.Count / 2), "the scanner should read most official samples itself");
    }

    [Test]
    public void Agrees_with_the_XmlReader_on_thousands_of_mutated_heads()
    {
        var random = new Random(20261122);
        var (compared, accepted) = (0, 0);
        foreach (var (name, original) in Corpus())
        {
            var headEnd = HeadEnd(original);
            for (var i = 0; i < 60; i++)
            {
                var mutated = Mutate(original, headEnd, random, out var description);
                var outcome = EnvelopeHeadScanner.Scan(mutated, out var scanned);
                compared++;
                if (outcome != EnvelopeHeadScanner.Outcome.Found)
                {
                    continue;
                }

                accepted++;
                AssertSame($"{name} with {description}", scanned, EnvelopeHeadReader.ReadWithXmlReader(mutated));
            }
        }

        TestContext.Out.WriteLine($"{compared} mutated heads, {accepted} read by the scanner and checked against the XmlReader");
        Assert.That(accepted, Is.GreaterThan(compared / 10), "too few mutations were read by the scanner to prove anything");
    }

    [Test]
    public void Needs_more_bytes_until_the_first_body_child_has_arrived()
    {
        var bytes = Encoding.UTF8.GetBytes(Bp21);
        var headEnd = Bp21.IndexOf("patientId", StringComparison.Ordinal) - "<x:".Length;
        for (var length = 0; length <= bytes.Length; length++)
        {
            var outcome = EnvelopeHeadScanner.Scan(bytes.AsSpan(0, length), out var head);
            Assert.That(outcome, Is.EqualTo(length < headEnd ? EnvelopeHeadScanner.Outcome.NeedMore : EnvelopeHeadScanner.Outcome.Found), $"after {length} bytes");
            if (outcome == EnvelopeHeadScanner.Outcome.Found)
            {
                Assert.That(head!.Receiver, Is.EqualTo("SE123"));
                Assert.That(head.DeclaredEncoding, Is.EqualTo("UTF-8"));
            }
        }
    }

    [TestCase("<urn:LogicalAddress>A&amp;B</urn:LogicalAddress>", "A&B")]
    [TestCase("<urn:LogicalAddress><![CDATA[SE1]]></urn:LogicalAddress>", "SE1")]
    [TestCase("<urn:LogicalAddress>SE<!-- who -->1</urn:LogicalAddress>", "SE1")]
    [TestCase("<urn:LogicalAddress>V\u00e4rnamo</urn:LogicalAddress>", "V\u00e4rnamo")]
    [TestCase("<urn:LogicalAddress>SE1\r\n</urn:LogicalAddress>", "SE1\n")]
    public void Leaves_what_it_does_not_handle_to_the_XmlReader(string header, string receiver)
    {
        var bytes = Encoding.UTF8.GetBytes(Bp21.Replace("<urn:LogicalAddress>SE123</urn:LogicalAddress>", header));
        Assert.That(EnvelopeHeadScanner.Scan(bytes, out _), Is.EqualTo(EnvelopeHeadScanner.Outcome.Fallback));

        var (head, error) = EnvelopeHeadReader.Read(bytes);
        Assert.That(error, Is.Null);
        Assert.That(head!.Receiver, Is.EqualTo(receiver));
    }

    [TestCase("<!DOCTYPE x [<!ENTITY e \"boom\">]><x/>")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><q:a/></soapenv:Body></soapenv:Envelope>")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header></soapenv:Head><soapenv:Body><a/></soapenv:Body></soapenv:Envelope>")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" a=\"1\" a=\"2\"><soapenv:Body><a/></soapenv:Body></soapenv:Envelope>")]
    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body></soapenv:Body></soapenv:Envelope>")]
    [TestCase("<?xml version=\"1.0\" encoding=\"utf-16\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><a/></soapenv:Body></soapenv:Envelope>")]
    public void Never_accepts_what_the_XmlReader_rejects_or_reads_differently(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.That(EnvelopeHeadScanner.Scan(bytes, out _), Is.Not.EqualTo(EnvelopeHeadScanner.Outcome.Found));
    }

    private static void AssertSame(string what, EnvelopeHead? scanned, (EnvelopeHead? Head, EnvelopeHeadError? Error) oracle)
    {
        Assert.That(oracle.Error, Is.Null, $"{what}: the scanner accepted a head the XmlReader rejects");
        Assert.That(scanned, Is.EqualTo(oracle.Head), $"{what}: the scanner read the head differently");
        Assert.That(scanned!.DeclaredEncoding, Is.EqualTo(oracle.Head!.DeclaredEncoding), what);
        Assert.That(scanned.ReadAsUtf8, Is.EqualTo(oracle.Head.ReadAsUtf8), what);
    }

    /// <summary>The project's own request samples, the official ones, and generated requests.</summary>
    private static List<(string Name, byte[] Bytes)> Corpus()
    {
        var corpus = new List<(string, byte[])>();
        var own = Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples");
        foreach (var file in Directory.EnumerateFiles(own, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(own, file);
            if (relative.StartsWith("soapui", StringComparison.Ordinal))
            {
                continue; // wsdl/samples/soapui holds a SoapUI project and its data.xml, not envelopes
            }

            corpus.Add(("wsdl/" + relative, File.ReadAllBytes(file)));
        }

        foreach (var file in Directory.EnumerateFiles(RivtaOracle.PathOf("samples"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            if (EnvelopeHeadReader.ReadWithXmlReader(bytes).Head is not null)
            {
                corpus.Add(("rivta/" + Path.GetRelativePath(RivtaOracle.Root, file), bytes));
            }
        }

        corpus.Add(("generated bp21", Encoding.UTF8.GetBytes(Bp21)));
        corpus.Add(("generated GetMedicationHistory", Encoding.UTF8.GetBytes(GetMedicationHistory("SE-1"))));
        corpus.Add(("generated without receiver", Encoding.UTF8.GetBytes(GetMedicationHistory(null))));
        return corpus;
    }

    /// <summary>Where the head ends: a little past the Body start tag, so mutations hit the head and the body child's tag.</summary>
    private static int HeadEnd(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var body = text.IndexOf("Body", StringComparison.Ordinal);
        return Math.Min(bytes.Length, Encoding.UTF8.GetByteCount(text[..Math.Max(0, body)]) + 120);
    }

    private static byte[] Mutate(byte[] original, int headEnd, Random random, out string description)
    {
        var position = random.Next(0, headEnd + 1);
        var bytes = new List<byte>(original);
        switch (random.Next(4))
        {
            case 0:
                var insertion = Insertions[random.Next(Insertions.Length)];
                bytes.InsertRange(position, Encoding.UTF8.GetBytes(insertion));
                description = $"'{insertion}' inserted at {position}";
                break;
            case 1:
                var count = Math.Min(random.Next(1, 4), bytes.Count - position);
                bytes.RemoveRange(position, count);
                description = $"{count} bytes removed at {position}";
                break;
            case 2:
                if (position < bytes.Count)
                {
                    var replacement = Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)])[0];
                    bytes[position] = replacement;
                    description = $"byte {replacement} at {position}";
                }
                else
                {
                    description = "unchanged";
                }

                break;
            default:
                bytes.RemoveRange(position, bytes.Count - position);
                description = $"truncated to {position} bytes";
                break;
        }

        return [.. bytes];
    }
}
