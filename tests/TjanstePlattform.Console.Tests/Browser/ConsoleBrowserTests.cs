using System.Net;
using Microsoft.AspNetCore.Http;
using NUnit.Framework.Interfaces;
using OpenQA.Selenium;
using TjanstePlattform.Console.Tests.Calls;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Console.Tests.Browser;

/// <summary>
/// The operator console in a real browser against the whole platform with its demo world: live calls with the
/// fan-out tree, a routing and an authorization created in the catalog forms, a fault switched on, and the API's
/// problem shown in a form. A failed test keeps a screenshot.
/// </summary>
[NonParallelizable]
public class ConsoleBrowserTests
{
    private const string Jrn1 = "SE2321000016-JRN1";
    private const string Jrn2 = "SE2321000016-JRN2";
    private const string National = "5565594230";

    private TestPlatform _platform = null!;
    private Chromium _browser = null!;

    private IWebDriver Driver => _browser.Driver;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _platform = await TestPlatform.StartAsync();
        _browser = Chromium.Start();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _browser?.Dispose();
        await _platform.DisposeAsync();
    }

    [SetUp]
    public void OpenConsole() => Driver.Navigate().GoToUrl(_platform.BaseAddress);

    [TearDown]
    public async Task KeepScreenshotOfFailureAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            _browser.AttachScreenshot(TestContext.CurrentContext.Test.Name);
        }

        foreach (var system in new[] { Jrn1, Jrn2 })
        {
            using var reset = await _platform.Http.DeleteAsync($"/api/v1/sourceSystems/{system}/faults");
        }
    }

    [Test]
    public async Task A_routed_and_an_aggregated_call_appear_live_and_the_aggregated_one_shows_its_fan_out_tree()
    {
        var routed = await CallsApiTests.CallAsync(_platform, Jrn1);
        var aggregated = await CallsApiTests.CallAsync(_platform, National);

        var routedRow = Row(routed, Jrn1);
        Assert.That(routedRow.FindElement(By.CssSelector("td.result")).Text, Is.EqualTo("OK"));
        Row(aggregated, National).Click();

        var tree = _browser.Until(d => d.FindElements(By.CssSelector("#call-detail .fanout li.branch")).Count >= 2
            ? d.FindElements(By.CssSelector("#call-detail .fanout li.branch")) : null, "the fan-out tree of the aggregated call");
        var jrn1 = tree.Single(b => b.GetDomAttribute("data-logical-address") == Jrn1);
        Assert.Multiple(() =>
        {
            Assert.That(jrn1.FindElement(By.CssSelector(".processing-status")).Text, Is.EqualTo("DataFromSource"));
            Assert.That(Driver.FindElement(By.CssSelector("#call-detail .fanout h3")).Text, Does.Contain("19121212****").And.Not.Contain("191212121212"));
            Assert.That(Driver.FindElement(By.Id("call-detail")).Text, Does.Contain("x-skltp-correlation-id"));
        });
    }

    [Test]
    public async Task A_routing_and_an_authorization_created_in_the_catalog_forms_let_a_call_through()
    {
        await using var producer = await TestProducer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/xml; charset=UTF-8";
            await context.Response.WriteAsync(SoapMessages.GetMedicationHistoryResponse());
        });
        const string address = "SE-CONSOLE-FORM-1";
        OpenCatalog("serviceProductions");
        Fill(("serviceProducer", "CONSOLE-PRODUCER"), ("logicalAddress", address), ("serviceContract", SoapMessages.GetMedicationHistoryNamespace), ("physicalAddress", producer.Address.ToString()));
        Save("Created");
        OpenCatalog("cooperations");
        Fill(("serviceConsumer", "TJP-DEMO-CONSUMER"), ("logicalAddress", address), ("serviceContract", SoapMessages.GetMedicationHistoryNamespace));
        Save("Created");

        var correlationId = await CallsApiTests.CallAsync(_platform, address);

        Driver.FindElement(By.CssSelector("#tabs button[data-tab='calls']")).Click();
        Assert.That(Row(correlationId, address).FindElement(By.CssSelector("td.result")).Text, Is.EqualTo("OK"));
    }

    [Test]
    public async Task A_fault_switched_on_shows_as_VP009_and_as_NoDataSynchFailed_in_the_fan_out()
    {
        Driver.FindElement(By.CssSelector("#tabs button[data-tab='sources']")).Click();
        var toggle = _browser.Until(d => d.FindElement(By.CssSelector($"#sources-table tr[data-hsa-id='{Jrn2}'] input.fault-closeConnection")), "JRN2's fault switches");
        toggle.Click();
        _browser.Until(d => d.FindElement(By.CssSelector($"#sources-table tr[data-hsa-id='{Jrn2}'] input.fault-closeConnection")) is { Selected: true } on ? on : null,
            "the switch to show the fault as on after the API stored it");

        var routed = await CallsApiTests.CallAsync(_platform, Jrn2);
        var aggregated = await CallsApiTests.CallAsync(_platform, National);

        Driver.FindElement(By.CssSelector("#tabs button[data-tab='calls']")).Click();
        Assert.That(Row(routed, Jrn2).FindElement(By.CssSelector("td.result")).Text, Is.EqualTo("VP009"));
        Row(aggregated, National).Click();
        var branch = _browser.Until(d => d.FindElement(By.CssSelector($"#call-detail li.branch[data-logical-address='{Jrn2}']")), "JRN2's branch");
        Assert.That(branch.FindElement(By.CssSelector(".processing-status")).Text, Is.EqualTo("NoDataSynchFailed"));
        Assert.That(branch.Text, Does.Contain("VP009"));
    }

    [Test]
    public void A_bad_form_input_shows_the_APIs_problem_in_the_form()
    {
        OpenCatalog("serviceProductions");
        Fill(("serviceProducer", "CONSOLE-PRODUCER"), ("logicalAddress", "SE-CONSOLE-BAD"), ("serviceContract", SoapMessages.GetMedicationHistoryNamespace), ("physicalAddress", "not a url"));
        Driver.FindElement(By.Id("entity-save")).Click();

        var problem = _browser.Until(d => d.FindElement(By.Id("entity-error")) is { Displayed: true } box ? box : null, "the problem box");
        Assert.Multiple(() =>
        {
            Assert.That(problem.Text, Does.Contain("HTTP 400"));
            Assert.That(problem.Text, Does.Contain("physicalAddress"));
            Assert.That(Driver.FindElement(By.Name("physicalAddress")).GetDomAttribute("class"), Does.Contain("invalid"));
        });
    }

    /// <summary>Waits for the live view's row of a call (it polls the feed every second) and returns it.</summary>
    private IWebElement Row(string correlationId, string? receiver) =>
        _browser.Until(d => d.FindElements(By.CssSelector($"#calls-table tbody tr[data-correlation-id='{correlationId}']"))
            .FirstOrDefault(r => receiver is null || r.Text.Contains(receiver, StringComparison.Ordinal)), $"the live row of call {correlationId} to {receiver}");

    private void OpenCatalog(string entity)
    {
        Driver.FindElement(By.CssSelector("#tabs button[data-tab='catalog']")).Click();
        Driver.FindElement(By.CssSelector($"#catalog-tabs button[data-entity='{entity}']")).Click();
        _browser.Until(d => d.FindElement(By.Name("logicalAddress")), "the catalog form");
    }

    private void Fill(params (string Name, string Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            var input = Driver.FindElement(By.Name(name));
            input.Clear();
            input.SendKeys(value);
        }
    }

    private void Save(string expected)
    {
        Driver.FindElement(By.Id("entity-save")).Click();
        _browser.Until(d => d.FindElement(By.Id("entity-saved")) is { Displayed: true } saved && saved.Text.StartsWith(expected, StringComparison.Ordinal) ? saved
            : d.FindElement(By.Id("entity-error")) is { Displayed: true } error ? throw new AssertionException($"The form shows a problem: {error.Text}") : null,
            "the form to confirm the save");
    }
}
