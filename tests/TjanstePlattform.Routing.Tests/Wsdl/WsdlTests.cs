using System.Xml.Linq;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Routing.Tests.Wsdl;

/// <summary>?wsdl and ?xsd= on /vp paths, against an official release tree with its relative imports.</summary>
public class WsdlTests
{
    private const string Path = "clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private TestPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _platform = await TestPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Contracts:Directories:0"] = RivtaOracle.PathOf("schemas", "clinicalprocess_activityprescription_actoutcome_2.1.5"),
            ["Contracts:Directories:1"] = RivtaOracle.PathOf("schemas", "crm_scheduling_1.1.1"),
        });

    [OneTimeTearDown]
    public async Task StopAsync() => await _platform.DisposeAsync();

    [Test]
    public async Task The_official_WSDL_is_served_with_its_address_and_imports_rewritten()
    {
        using var response = await _platform.Http.GetAsync($"/vp/{Path}?wsdl");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var endpoint = new Uri(_platform.BaseAddress, "/vp/" + Path).ToString();
        Assert.That(wsdl.Descendants(Soap + "address").Single().Attribute("location")!.Value, Is.EqualTo(endpoint));

        var imports = wsdl.Descendants(Xs + "import").Select(i => i.Attribute("schemaLocation")!.Value).ToList();
        Assert.That(imports, Is.Not.Empty);
        Assert.That(imports, Has.All.StartWith(endpoint + "?xsd="));

        // Every import can be fetched, and the schemas it imports in turn too (the whole tree through the platform).
        var seen = new HashSet<string>();
        var queue = new Queue<string>(imports);
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            using var xsdResponse = await _platform.Http.GetAsync(url);
            Assert.That((int)xsdResponse.StatusCode, Is.EqualTo(200), url);
            var xsd = XDocument.Parse(await xsdResponse.Content.ReadAsStringAsync());
            foreach (var next in xsd.Descendants(Xs + "import").Concat(xsd.Descendants(Xs + "include")).Select(i => i.Attribute("schemaLocation")?.Value).OfType<string>())
            {
                Assert.That(next, Does.StartWith(endpoint + "?xsd="));
                queue.Enqueue(next);
            }
        }

        Assert.That(seen.Count, Is.GreaterThanOrEqualTo(3), "responder, core components and registry schemas");
    }

    [Test]
    public async Task A_proxy_in_front_decides_the_address_with_X_VP_Forwarded_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/vp/{Path}?wsdl");
        request.Headers.TryAddWithoutValidation("X-VP-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-VP-Forwarded-Host", "tjp.example.se");
        request.Headers.TryAddWithoutValidation("X-VP-Forwarded-Port", "443");
        using var response = await _platform.Http.SendAsync(request);
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(wsdl.Descendants(Soap + "address").Single().Attribute("location")!.Value, Is.EqualTo($"https://tjp.example.se/vp/{Path}"));
    }

    [Test]
    public async Task Paths_outside_the_tree_are_refused()
    {
        using var response = await _platform.Http.GetAsync($"/vp/{Path}?xsd=../../../../../../etc/passwd");
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task An_unknown_path_lists_the_available_WSDLs()
    {
        using var response = await _platform.Http.GetAsync("/vp/no/such/Contract/1/rivtabp21?wsdl");
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain($"/vp/{Path}?wsdl"));
        Assert.That(text, Does.Contain("/vp/crm/scheduling/MakeBooking/1/rivtabp21?wsdl"));
    }

    [Test]
    public async Task No_sender_is_needed_for_a_WSDL()
    {
        using var response = await _platform.Http.GetAsync("/vp/crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21?wsdl");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name, Is.EqualTo(Wsdl + "definitions"));
    }

    [TestCase("Update/1/rivtabp21", "itintegration/engagementindex/Update/1/rivtabp21")]
    [TestCase("GetSubjectOfCareSchedule/1/rivtabp21", "crm/scheduling/GetSubjectOfCareSchedule/1/rivtabp21")]
    [TestCase("GetMedicationHistory/2/rivtabp21", Path)]
    public async Task Short_paths_serve_the_contracts_WSDL_with_their_own_address(string shortPath, string fullPath)
    {
        using var full = await _platform.Http.GetAsync($"/vp/{fullPath}?wsdl");
        using var response = await _platform.Http.GetAsync($"/vp/{shortPath}?wsdl");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var fullWsdl = XDocument.Parse(await full.Content.ReadAsStringAsync());
        Assert.That((string?)wsdl.Root!.Attribute("targetNamespace"), Is.EqualTo((string?)fullWsdl.Root!.Attribute("targetNamespace")));
        var endpoint = new Uri(_platform.BaseAddress, "/vp/" + shortPath).ToString();
        Assert.That(wsdl.Descendants(Soap + "address").Single().Attribute("location")!.Value, Is.EqualTo(endpoint));
        Assert.That(wsdl.Descendants(Xs + "import").Select(i => i.Attribute("schemaLocation")!.Value), Has.All.StartWith(endpoint + "?xsd="));
    }

    [Test]
    public async Task A_mapping_file_like_the_references_serves_WSDLs_on_any_path()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tjp-wsdlconfig-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A copy of a release tree below the mapping file's folder, mapped to a path outside the naming convention.
            CopyTree(RivtaOracle.PathOf("schemas", "crm_scheduling_1.1.1"), System.IO.Path.Combine(folder, "release"));
            var wsdlFile = Directory.EnumerateFiles(folder, "MakeBookingInteraction_*.wsdl", SearchOption.AllDirectories).First();
            var config = System.IO.Path.Combine(folder, "wsdlconfig.json");
            await File.WriteAllTextAsync(config, $$"""
                [
                  {
                    "tjanstekontrakt": "urn:riv:crm:scheduling:MakeBookingResponder:1",
                    "wsdlfilepath": "{{System.IO.Path.GetRelativePath(folder, wsdlFile).Replace('\\', '/')}}",
                    "wsdlurl": "vp/SomeUrlNotFollowingTheNamingConvention"
                  }
                ]
                """);
            await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Contracts:WsdlConfigFile"] = config });
            using var response = await platform.Http.GetAsync("/vp/SomeUrlNotFollowingTheNamingConvention?wsdl");
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That((string?)wsdl.Root!.Attribute("targetNamespace"), Does.StartWith("urn:riv:crm:scheduling:MakeBooking:1"));
            var xsd = wsdl.Descendants(Xs + "import").Select(i => i.Attribute("schemaLocation")!.Value).First();
            using var schema = await platform.Http.GetAsync(xsd);
            Assert.That((int)schema.StatusCode, Is.EqualTo(200), xsd);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_mapping_to_a_file_outside_its_folder_stops_the_start()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tjp-wsdlconfig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var config = System.IO.Path.Combine(folder, "wsdlconfig.json");
            File.WriteAllText(config, """[{"tjanstekontrakt": "x", "wsdlfilepath": "../../etc/passwd", "wsdlurl": "vp/x"}]""");
            var start = async () => { await using var platform = await TestPlatform.StartAsync(new Dictionary<string, string?> { ["Contracts:WsdlConfigFile"] = config }); };
            Assert.That(start, Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("no WSDL ../../etc/passwd below"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
