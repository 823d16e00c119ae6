using System.Xml.Linq;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Soap.Tests.Faults;

public class SoapFaultWriterTests
{
    [Test]
    public void Renders_a_VP004_fault_with_the_shape_of_the_reference_platform()
    {
        var fault = VpFaults.NoRouting("urn:example", "12345");
        var mine = XDocument.Parse(System.Text.Encoding.UTF8.GetString(SoapFaultWriter.Render(fault, "NTjP")));
        var reference = XDocument.Load(RivtaOracle.PathOf("samples", "platform", "04_vp_fault_VP004_soapenv_Client.xml"));

        XNamespace soap = "http://schemas.xmlsoap.org/soap/envelope/";
        var myFault = mine.Descendants(soap + "Fault").Single();
        var theirFault = reference.Descendants(soap + "Fault").Single();
        Assert.That(myFault.Element("faultcode")!.Value, Is.EqualTo("soap:Client"));
        Assert.That(theirFault.Element("faultcode")!.Value, Does.EndWith(":Client"));
        Assert.That(myFault.Element("faultstring")!.Value, Does.StartWith(theirFault.Element("faultstring")!.Value));
        Assert.That(myFault.Element("detail")!.Element("detailString")!.Value, Is.EqualTo(theirFault.Element("detail")!.Element("detailString")!.Value));
    }

    [Test]
    public void Whitespace_in_the_receiver_is_named_in_the_VP004_detail()
    {
        Assert.That(VpFaults.NoRouting("urn:x", " SE1").Detail, Does.EndWith(". Whitespace detected in incoming request!"));
        Assert.That(VpFaults.NoRouting("urn:x", "SE1").Detail, Does.Not.Contain("Whitespace"));
    }

    [Test]
    public void Every_code_has_its_text_and_side()
    {
        foreach (var code in Enum.GetValues<VpFaultCode>())
        {
            var fault = VpFaults.Create(code, "d");
            Assert.That(fault.Text, Is.Not.Empty, code.ToString());
            Assert.That(fault.FaultString("TJP"), Does.StartWith($"{code} [TJP] "));
        }

        Assert.That(VpFaults.Create(VpFaultCode.VP007, "").Actor, Is.EqualTo(SoapFaultActor.Server));
        Assert.That(VpFaults.Create(VpFaultCode.VP015, "").Actor, Is.EqualTo(SoapFaultActor.Client));
    }
}
