using System.Xml.Linq;
using TjanstePlattform.Aggregation.Engine;
using TjanstePlattform.Aggregation.Tests.Support;

namespace TjanstePlattform.Aggregation.Tests.Engine;

/// <summary>The fan-out copy: only LogicalAddress (and the descriptor's rewrites) change; everything else is copied.</summary>
public class RequestRewriterTests
{
    private static readonly XNamespace Soap = Payloads.Soap;
    private static readonly XNamespace Registry = Payloads.Registry;

    [Test]
    public void Only_the_logical_address_changes_and_extensions_in_other_namespaces_are_kept()
    {
        var original = Payloads.GmhRequest("191212121212");

        var copy = XDocument.Parse(System.Text.Encoding.UTF8.GetString(RequestRewriter.Rewrite(Utf8.Bytes(original), BuiltIns.MedicationHistory, "SE-SYS-1")));

        Assert.That(copy.Descendants(Registry + "LogicalAddress").Select(e => e.Value), Is.EqualTo(new[] { "SE-SYS-1" }));
        var expected = XDocument.Parse(original);
        expected.Descendants(Registry + "LogicalAddress").Single().Value = "SE-SYS-1";
        Assert.That(XNode.DeepEquals(copy.Root, expected.Root), Is.True, copy.ToString());
    }

    [Test]
    public void Healthcare_facility_is_set_to_the_producer_and_the_Actor_header_travels_on()
    {
        var original = Payloads.ScheduleRequest("191212121212");

        var copy = XDocument.Parse(System.Text.Encoding.UTF8.GetString(RequestRewriter.Rewrite(Utf8.Bytes(original), BuiltIns.Schedule, "SE-UNIT-7")));

        XNamespace ns = Payloads.Schedule;
        XNamespace headers = Payloads.Headers;
        Assert.That(copy.Descendants(ns + "healthcare_facility").Single().Value, Is.EqualTo("SE-UNIT-7"));
        Assert.That(copy.Descendants(ns + "subject_of_care").Single().Value, Is.EqualTo("191212121212"));
        Assert.That(copy.Descendants(Registry + "LogicalAddress").Single().Value, Is.EqualTo("SE-UNIT-7"));
        Assert.That(copy.Descendants(headers + "actorType").Single().Value, Is.EqualTo("subject_of_care"));
    }

    [Test]
    public void A_missing_logical_address_or_header_is_added()
    {
        var withoutAddress = Payloads.GmhRequest("191212121212").Replace("<reg:LogicalAddress>5565594230</reg:LogicalAddress>", "", StringComparison.Ordinal);
        var withoutHeader = withoutAddress.Replace("<soapenv:Header></soapenv:Header>", "", StringComparison.Ordinal);
        var emptyHeader = withoutAddress.Replace("<soapenv:Header></soapenv:Header>", "<soapenv:Header/>", StringComparison.Ordinal);

        foreach (var envelope in new[] { withoutAddress, withoutHeader, emptyHeader })
        {
            var copy = XDocument.Parse(System.Text.Encoding.UTF8.GetString(RequestRewriter.Rewrite(Utf8.Bytes(envelope), BuiltIns.MedicationHistory, "SE-SYS-2")));
            var header = copy.Root!.Element(Soap + "Header");
            Assert.That(header, Is.Not.Null, envelope);
            Assert.That(header!.Element(Registry + "LogicalAddress")?.Value, Is.EqualTo("SE-SYS-2"), copy.ToString());
            Assert.That(copy.Root.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Header", "Body" }));
        }
    }
}
