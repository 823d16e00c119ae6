using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Service;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Soap.Tests.Service;

/// <summary>
/// The SOAP layer's reader: every structural limit refuses a hostile message with a precise reason, and the same
/// message passes once that limit is raised (so each test fails if its limit is removed); every official sample fits
/// the defaults.
/// </summary>
public class SoapEnvelopeReaderTests
{
    private static readonly SoapCallContext Call = new(new HeaderDictionary(), "/", viaRouter: false);

    private static string Envelope(string body, string header = "") =>
        $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>";

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));

    private static SoapRequest Read(string xml, SoapLimits? limits = null) =>
        SoapEnvelopeReader.Read(Encoding.UTF8.GetBytes(xml), limits ?? new SoapLimits(), Call);

    [Test]
    public void Nesting_beyond_the_limit_is_refused_and_passes_when_the_limit_allows_it()
    {
        var xml = Envelope($"<x:Op xmlns:x=\"urn:x\">{Nested(100)}</x:Op>");

        var refused = Assert.Throws<SoapReadException>(() => Read(xml));
        Assert.That(refused!.Message, Does.Contain("MaxDepth"));
        Assert.That(Read(xml, new SoapLimits { MaxDepth = 200 }).Body.LocalName, Is.EqualTo("Op"));
    }

    [Test]
    public void Deep_nesting_in_a_second_header_after_the_body_is_refused_without_building_it()
    {
        // The shape that once ended the process with a stack overflow: 300,000 levels in a trailing Header.
        var xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><x:Op xmlns:x=\"urn:x\"/></s:Body><s:Header>"
            + Nested(300_000) + "</s:Header></s:Envelope>";

        var refused = Assert.Throws<SoapReadException>(() => Read(xml));
        Assert.That(refused!.Message, Does.Contain("MaxDepth"));
    }

    [Test]
    public void Too_many_attributes_on_one_element_are_refused()
    {
        var attributes = string.Concat(Enumerable.Range(0, 100).Select(i => $" a{i}=\"\""));
        var xml = Envelope($"<x:Op xmlns:x=\"urn:x\"{attributes}/>");

        Assert.That(Assert.Throws<SoapReadException>(() => Read(xml))!.Message, Does.Contain("MaxAttributesPerElement"));
        Assert.That(Read(xml, new SoapLimits { MaxAttributesPerElement = 200 }).Body.Attributes.Count, Is.EqualTo(101));
    }

    [Test]
    public void Too_many_namespace_declarations_are_refused()
    {
        var declarations = string.Concat(Enumerable.Range(0, 40).Select(i => $" xmlns:p{i}=\"urn:p{i}\""));
        var xml = Envelope($"<x:Op xmlns:x=\"urn:x\"{declarations}/>");

        Assert.That(Assert.Throws<SoapReadException>(() => Read(xml))!.Message, Does.Contain("MaxNamespaceDeclarationsPerElement"));
        Assert.DoesNotThrow(() => Read(xml, new SoapLimits { MaxNamespaceDeclarationsPerElement = 64 }));
    }

    [Test]
    public void Too_long_names_are_refused()
    {
        var name = new string('n', 300);
        var element = Envelope($"<x:Op xmlns:x=\"urn:x\"><{name}/></x:Op>");
        var attribute = Envelope($"<x:Op xmlns:x=\"urn:x\" {name}=\"1\"/>");

        Assert.That(Assert.Throws<SoapReadException>(() => Read(element))!.Message, Does.Contain("MaxNameLength"));
        Assert.That(Assert.Throws<SoapReadException>(() => Read(attribute))!.Message, Does.Contain("MaxNameLength"));
        Assert.DoesNotThrow(() => Read(element, new SoapLimits { MaxNameLength = 400 }));
    }

    [Test]
    public void Too_many_elements_are_refused()
    {
        var xml = Envelope($"<x:Op xmlns:x=\"urn:x\">{string.Concat(Enumerable.Repeat("<e/>", 2000))}</x:Op>");

        Assert.That(Assert.Throws<SoapReadException>(() => Read(xml, new SoapLimits { MaxElements = 1000 }))!.Message, Does.Contain("MaxElements"));
        Assert.DoesNotThrow(() => Read(xml));
    }

    [TestCase("\u0001", TestName = "A control character in the Body")]
    [TestCase("\uFFFE", TestName = "U+FFFE in the Body")]
    public void Invalid_characters_are_refused_and_the_fault_naming_them_is_still_valid_xml(string character)
    {
        var refused = Assert.Throws<SoapReadException>(() => Read(Envelope($"<x:Op xmlns:x=\"urn:x\">a{character}b</x:Op>")));

        var fault = SoapFaultWriter.Render(VpFaults.Unreadable(refused!.Message), "TJP");
        var document = new XmlDocument();
        Assert.DoesNotThrow(() => document.LoadXml(Encoding.UTF8.GetString(fault)));
        Assert.That(document.InnerText, Does.Contain("VP015"));
    }

    [Test]
    public void The_fault_writer_replaces_every_character_xml_cannot_carry()
    {
        var text = "a\u0001b\u0008c\uD800d\uFFFFe😀";

        Assert.That(SoapFaultWriter.XmlText(text), Is.EqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀"));
        var document = new XmlDocument();
        Assert.DoesNotThrow(() => document.LoadXml(Encoding.UTF8.GetString(SoapFaultWriter.Render(SoapFaultActor.Client, text, text))));
    }

    [Test]
    public void A_truncated_envelope_is_refused_with_the_position()
    {
        var xml = Envelope("<x:Op xmlns:x=\"urn:x\"><a>1</a></x:Op>");

        var refused = Assert.Throws<SoapReadException>(() => Read(xml[..(xml.Length - 20)]));
        Assert.That(refused!.Message, Does.Contain("not well-formed").And.Contain("Line 1"));
    }

    [Test]
    public void Every_official_envelope_fits_the_default_limits()
    {
        var files = Directory.EnumerateFiles(RivtaOracle.PathOf("samples"), "*.xml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RivtaOracle.PathOf("schemas"), "*.xml", SearchOption.AllDirectories))
            .ToList();
        var envelopes = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (!Encoding.UTF8.GetString(bytes).Contains("Envelope", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                SoapEnvelopeReader.Read(bytes, new SoapLimits(), Call);
                envelopes++;
            }
            catch (SoapReadException ex)
            {
                Assert.That(ex.Message, Does.Not.Contain("Soap:Limits"), $"{file} breaks a default limit");
            }
        }

        Assert.That(envelopes, Is.GreaterThan(40), "the samples were read");
    }
}

/// <summary>The byte-level attribute count that refuses a huge start tag before any reader parses it.</summary>
public class AttributeScanTests
{
    [TestCase("<a x=\"1\" y='2'/>", 2, -1)]
    [TestCase("<a x=\"1\" y='2'/>", 1, 0)]
    [TestCase("<r><a b=\"=>=\" c='\"'/><d e=\"1\" f=\"2\" g=\"3\"/></r>", 2, 21)]
    [TestCase("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- a=1 b=2 c=3 --><r a=\"1\"/>", 1, -1)]
    [TestCase("<r>text = more = text</r>", 1, -1)]
    public void Counts_attributes_per_start_tag_skipping_values_comments_and_text(string xml, int max, long expected) =>
        Assert.That(AttributeScan.FirstOverLimit(Encoding.UTF8.GetBytes(xml), max), Is.EqualTo(expected));

    [Test]
    public void A_million_attributes_are_refused_before_parsing()
    {
        var xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><x:Op xmlns:x=\"urn:x\"><a"
            + string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $" a{i}=\"\"")) + "/></x:Op></s:Body></s:Envelope>";

        var refused = Assert.Throws<SoapReadException>(() => SoapEnvelopeReader.Read(Encoding.UTF8.GetBytes(xml), new SoapLimits(), new SoapCallContext(new HeaderDictionary(), "/", false)));

        Assert.That(refused!.Message, Does.Contain("MaxAttributesPerElement"));
    }
}
