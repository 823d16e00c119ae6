using System.Text;
using Microsoft.Extensions.Logging;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Host.Tests.Platform;

/// <summary>Every routed call is logged once at Information with its fields, and no person id is logged above Debug.</summary>
public class RouterCallLogTests
{
    private const string RouterCategory = "TjanstePlattform.Routing.Pipeline.RouterEndpoint";
    private const string PersonId = "191212121212";

    [Test]
    public async Task Each_routed_call_is_one_Information_line_with_its_fields_and_no_person_id()
    {
        using var logs = new CapturedLogs();
        await using var platform = await TestPlatform.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:TjanstePlattform"] = "Debug" },
            configure: builder => builder.Logging.AddProvider(logs));

        var calls = new[]
        {
            ("log-direct", "GetMedicationHistory/02_happy_path_JRN1.xml", "HTTP 200", "200"),
            ("log-vp004", "GetMedicationHistory/90_bad_wrong_logical_address.xml", "VP004", "VP004"),
            ("log-aggregated", "GetMedicationHistory/01_happy_path_aggregated_national.xml", "HTTP 200", "200"),
        };
        foreach (var (correlationId, sample, _, _) in calls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, platform.Router())
            {
                Content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples", sample))),
            };
            request.Content.Headers.ContentType = new("text/xml") { CharSet = "UTF-8" };
            request.Headers.Add("x-vp-sender-id", "TJP-DEMO-CONSUMER");
            request.Headers.Add("x-skltp-correlation-id", correlationId);
            using var response = await platform.Http.SendAsync(request);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(PersonId).Or.Contain("VP004"), "the calls carry a person id");
        }

        foreach (var (correlationId, _, message, result) in calls)
        {
            bool IsCallLine(CapturedLogs.LogRecord r) => r.Category == RouterCategory && r.Level >= LogLevel.Information
                && Equals(r.Fields.GetValueOrDefault("CorrelationId"), correlationId) && r.Fields.ContainsKey("DurationMs")
                && Equals(r.Fields.GetValueOrDefault("Receiver"), correlationId == "log-vp004" ? "SE2321000016-FINNSEJ" : correlationId == "log-direct" ? "SE2321000016-JRN1" : "5565594230");
            var lines = await logs.WaitForAsync(IsCallLine, TimeSpan.FromSeconds(30));
            Assert.That(lines, Has.Count.EqualTo(1), $"{correlationId}: {string.Join("\n", logs.Records.Where(r => r.Category == RouterCategory).Select(r => r.Message))}");
            var line = lines[0];
            Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(line.Message, Does.StartWith(message).And.Contain("TJP-DEMO-CONSUMER").And.Contain(correlationId).And.Contain(" ms"));
            Assert.That(line.Fields["Result"]?.ToString(), Is.EqualTo(result));
            Assert.That(line.Fields["Sender"], Is.EqualTo("TJP-DEMO-CONSUMER"));
            Assert.That(line.Fields["Contract"], Is.EqualTo("urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2"));
        }

        var leaks = logs.Records.Where(r => r.Level >= LogLevel.Information && (r.Message.Contains(PersonId, StringComparison.Ordinal)
            || r.Fields.Values.Any(v => v?.ToString()?.Contains(PersonId, StringComparison.Ordinal) == true)));
        Assert.That(leaks.Select(r => $"{r.Category}: {r.Message}"), Is.Empty, "no person id above Debug");
    }

    [Test]
    public async Task Messages_with_their_payloads_are_logged_at_Debug_only_in_their_own_category()
    {
        using var logs = new CapturedLogs();
        await using var platform = await TestPlatform.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:TjanstePlattform.Routing.Messages"] = "Debug", ["Logging:LogLevel:TjanstePlattform.Routing.Pipeline"] = "Information" },
            configure: builder => builder.Logging.AddProvider(logs));

        using var request = new HttpRequestMessage(HttpMethod.Post, platform.Router())
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RivtaOracle.RepositoryRoot, "wsdl", "samples", "GetMedicationHistory", "02_happy_path_JRN1.xml"))),
        };
        request.Content.Headers.ContentType = new("text/xml") { CharSet = "UTF-8" };
        request.Headers.Add("x-vp-sender-id", "TJP-DEMO-CONSUMER");
        request.Headers.Add("x-skltp-correlation-id", "log-messages");
        using var response = await platform.Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();

        bool Ours(CapturedLogs.LogRecord r) => r.Category == "TjanstePlattform.Routing.Messages" && Equals(r.Fields.GetValueOrDefault("CorrelationId"), "log-messages");
        var messages = await logs.WaitForAsync(r => Ours(r) && Equals(r.Fields.GetValueOrDefault("Direction"), "out"), TimeSpan.FromSeconds(30));
        var all = logs.Records.Where(Ours).ToList();
        Assert.That(all.Select(r => r.Fields["Direction"]), Is.EquivalentTo(new[] { "in", "out" }));
        Assert.That(all.Select(r => r.Level), Is.All.EqualTo(LogLevel.Debug));
        Assert.That(logs.Records.Where(r => r.Category == "TjanstePlattform.Routing.Messages").Select(r => r.Level), Is.All.EqualTo(LogLevel.Debug));
        Assert.That(answer, Does.Contain(PersonId));
        Assert.That((string)messages.Single().Fields["Payload"]!, Is.EqualTo(answer), "the answer as the consumer got it");
    }
}
