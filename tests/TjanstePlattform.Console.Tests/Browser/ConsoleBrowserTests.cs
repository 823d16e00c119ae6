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

        Assert.That(ResultOf(routed, Jrn1), Is.EqualTo("OK"));
        ClickRow(aggregated, National);

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
        Assert.That(ResultOf(correlationId, address), Is.EqualTo("OK"));
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
        Assert.That(ResultOf(routed, Jrn2), Is.EqualTo("VP009"));
        ClickRow(aggregated, National);
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

    [Test]
    public async Task A_version_shows_its_diff_and_a_rollback_publishes_the_older_content()
    {
        OpenCatalog("logicalAddresses");
        Fill(("hsaId", "SE-CONSOLE-DIFF"), ("description", "Made in the console"));
        Save("Created");

        Driver.FindElement(By.CssSelector("#catalog-tabs button[data-entity='versions']")).Click();
        var newest = _browser.Until(d => d.FindElements(By.CssSelector("#versions-table tbody tr")).FirstOrDefault(), "the versions");
        var number = long.Parse(newest.GetDomAttribute("data-version")!, System.Globalization.CultureInfo.InvariantCulture);
        newest.FindElement(By.CssSelector("button.diff")).Click();
        var diff = _browser.Until(d => d.FindElement(By.Id("version-diff")) is { Displayed: true } box ? box : null, "the diff");
        Assert.That(diff.FindElement(By.CssSelector(".added")).Text, Does.Contain("SE-CONSOLE-DIFF"));

        Driver.FindElement(By.CssSelector($"#versions-table tr[data-version='{number - 1}'] button.rollback")).Click();
        Driver.SwitchTo().Alert().Accept();

        _browser.Until(d => d.FindElements(By.CssSelector($"#versions-table tr[data-version='{number + 1}']")).FirstOrDefault(), "the rollback's new version");
        var addresses = await _platform.Http.GetStringAsync("/api/v1/logicalAddresses");
        Assert.That(addresses, Does.Not.Contain("SE-CONSOLE-DIFF"));
    }

    /// <summary>
    /// The result cell of a call's row in the live view, read inside the wait: the view re-renders its rows every
    /// second, so an element found earlier may be gone by the time it is read.
    /// </summary>
    private string ResultOf(string correlationId, string receiver) =>
        _browser.Until(d => FindRow(d, correlationId, receiver)?.FindElement(By.CssSelector("td.result")).Text, $"the live row of call {correlationId} to {receiver}");

    /// <summary>Clicks a call's row once it is shown (retried when the row is re-rendered under the click).</summary>
    private void ClickRow(string correlationId, string receiver) =>
        _browser.Until(d =>
        {
            var row = FindRow(d, correlationId, receiver);
            row?.Click();
            return row;
        }, $"the live row of call {correlationId} to {receiver}");

    private static IWebElement? FindRow(IWebDriver driver, string correlationId, string receiver) =>
        driver.FindElements(By.CssSelector($"#calls-table tbody tr[data-correlation-id='{correlationId}']"))
            .FirstOrDefault(r => r.FindElements(By.CssSelector("td"))[3].Text == receiver);

    private void OpenCatalog(string entity)
    {
        Driver.FindElement(By.CssSelector("#tabs button[data-tab='catalog']")).Click();
        Driver.FindElement(By.CssSelector($"#catalog-tabs button[data-entity='{entity}']")).Click();
        _browser.Until(d => d.FindElement(By.CssSelector("#entity-fields input")), "the catalog form");
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
