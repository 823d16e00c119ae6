using TjanstePlattform.Soap.Service;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TjanstePlattform.Soap.Faults;
using TjanstePlattform.Soap.Validation;
using TjanstePlattform.SourceSystems.DemoWorld;
using TjanstePlattform.SourceSystems.Soap;

namespace TjanstePlattform.SourceSystems.Records;

/// <summary>
/// A producer for any contract of a loaded schema tree (SourceSystems:GeneratedProducers): answers from the demo
/// world's record file for the contract when there is one (every system's records, filtered as the request says),
/// else with a response generated from the contract's schema, its logId the call's. Transport-free like
/// <see cref="RecordProducer"/>.
/// </summary>
internal sealed partial class GeneratedProducer(DemoWorldSource world, IContractSchemaValidator schemas)
{
    public static bool TryParse(string contract, out string interaction, out string major)
    {
        var match = ResponderNamespace().Match(contract);
        interaction = match.Success ? match.Groups["interaction"].Value : "";
        major = match.Success ? match.Groups["major"].Value : "";
        return match.Success;
    }

    public IReadOnlyList<SourceSystemOperation> Operations(GeneratedProducerOptions producer) =>
        [.. producer.Contracts.Select(c => c.Trim()).Where(c => TryParse(c, out _, out _)).Distinct(StringComparer.Ordinal).Select(contract =>
        {
            TryParse(contract, out var interaction, out var major);
            return SourceSystemOperation.CreateXml(interaction, major, contract, (call, request) => Task.FromResult(Answer(contract, interaction, request, call.LogId, producer.LogicalAddress)));
        })];

    public XElement Answer(string contract, string interaction, XElement request, string logId, string logicalAddress)
    {
        var file = world.Data.Records.FirstOrDefault(r => string.Equals(r.Contract, contract, StringComparison.Ordinal));
        if (file is not null)
        {
            var all = new RecordSystemData(logicalAddress, [.. file.Systems.SelectMany(s => s.Records)]);
            return RecordProducer.Answer(file, all, [logicalAddress], request, logId);
        }

        var declaration = schemas.FindElement(new XmlQualifiedName(interaction + "Response", contract))
            ?? throw new SoapFaultException(SoapFaultActor.Server,
                $"Producenten {logicalAddress} saknar schema för {contract}.",
                $"No loaded schema tree declares {{{contract}}}{interaction}Response: add the release folder to Contracts:Directories.");
        return SchemaInstanceGenerator.Generate(declaration, name => name.Name == "logId" ? logId : null);
    }

    [GeneratedRegex(@"^urn:riv:.+:(?<interaction>[A-Za-z_]\w*)Responder:(?<major>\d+(\.\d+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResponderNamespace();
}
