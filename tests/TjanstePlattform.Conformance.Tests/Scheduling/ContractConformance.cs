using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using TjanstePlattform.Conformance.Tests.Common;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Conformance.Tests.Scheduling;

// Shared by the Scheduling and MedicalSupply conformance tests (both domains are checked the same way).

/// <summary>One service contract under test: its message contract types and where its schemas live.</summary>
public sealed record ContractUnderTest(
    string Name,
    string ResponderNamespace,
    Type ServiceContract,
    Type RequestMessage,
    Type ResponseMessage,
    string Action,
    bool HasActor,
    string WsdlVersion)
{
    /// <summary>The interaction WSDL, relative to the tree's <c>interactions/</c> folder (same in the official and project trees).</summary>
    public string InteractionWsdl => $"{Name}Interaction/{Name}Interaction_{WsdlVersion}_RIVTABP21.wsdl";

    public XName RequestElement => XName.Get(Name, ResponderNamespace);

    public XName ResponseElement => XName.Get(Name + "Response", ResponderNamespace);

    /// <summary>The message contract type that reads a body with this root, or null when it is not this contract's.</summary>
    public Type? MessageTypeFor(XName bodyRoot)
        => bodyRoot == RequestElement ? RequestMessage : bodyRoot == ResponseElement ? ResponseMessage : null;

    public override string ToString() => Name;
}

/// <summary>
/// Reads and writes whole SOAP envelopes with a WCF message contract type (XmlSerializer format),
/// exactly as a System.ServiceModel client or a SoapCore endpoint would: headers and body together.
/// Like Common's MessageContractCodec, but by runtime type (the samples decide the type), with one
/// converter per type (each builds XmlSerializers: rebuilding them per sample tripled the run time),
/// bare bodies wrapped, and no WCF Action header written (BP 2.1 uses the SOAPAction HTTP header).
/// </summary>
public static class TypedMessages
{
    private const string AnyAction = "urn:tjansteplattform:conformance";

    // One converter per type: each builds XmlSerializers (generated code), too costly to repeat per test.
    private static readonly ConcurrentDictionary<Type, TypedMessageConverter> Converters = new();

    private static TypedMessageConverter ConverterFor(Type messageType)
        => Converters.GetOrAdd(messageType, t => TypedMessageConverter.Create(t, AnyAction, new XmlSerializerFormatAttribute()));

    /// <summary>Reads an envelope (a bare body is wrapped in one first) into <paramref name="messageType"/>.</summary>
    public static object Read(Type messageType, SoapEnvelope source)
    {
        var envelope = source.IsEnvelope
            ? source.Document.Root!.ToString(SaveOptions.DisableFormatting)
            : $"<s:Envelope xmlns:s=\"{SoapEnvelope.Soap11.NamespaceName}\"><s:Body>{SchemaValidation.Standalone(source.BodyRoot)}</s:Body></s:Envelope>";
        var converter = ConverterFor(messageType);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlDictionaryReader.CreateDictionaryReader(XmlReader.Create(new StringReader(envelope), settings));
        using var message = Message.CreateMessage(reader, int.MaxValue, MessageVersion.Soap11);
        return converter.FromMessage(message)
               ?? throw new InvalidOperationException($"{messageType.Name} read nothing from the envelope.");
    }

    /// <summary>Writes <paramref name="value"/> as a SOAP 1.1 envelope (UTF-8) and parses it back for inspection.</summary>
    public static SoapEnvelope Write(Type messageType, object value)
    {
        var converter = ConverterFor(messageType);
        using var message = converter.ToMessage(value, MessageVersion.Soap11);

        // Basic profile 2.1 carries the action in the SOAPAction HTTP header only: no Action SOAP header.
        message.Headers.Action = null;
        using var buffer = new MemoryStream();
        using (var writer = XmlDictionaryWriter.CreateTextWriter(buffer, Encoding.UTF8, ownsStream: false))
        {
            message.WriteMessage(writer);
        }

        buffer.Position = 0;
        return SoapEnvelope.Load(buffer);
    }

    public static SoapEnvelope RoundTrip(Type messageType, SoapEnvelope source) => Write(messageType, Read(messageType, source));
}

/// <summary>The checks every sample of these domains goes through.</summary>
public static class ContractChecks
{
    private static readonly Regex Position = new(@" at line \d+:\d+", RegexOptions.CultureInvariant);

    /// <summary>Schema issues of the body and of every header, position-free so two validations can be compared.</summary>
    public static IReadOnlyList<string> Issues(XmlSchemaSet schemas, SoapEnvelope envelope)
    {
        var issues = new List<string>();
        foreach (var header in envelope.Headers)
        {
            issues.AddRange(SchemaValidation.Validate(schemas, header).Select(i => $"header {header.Name.LocalName}: {Position.Replace(i, "")}"));
        }

        issues.AddRange(SchemaValidation.Validate(schemas, envelope.BodyRoot).Select(i => $"body {envelope.BodyRoot.Name.LocalName}: {Position.Replace(i, "")}"));
        return issues;
    }

    /// <summary>The contract whose request or response the body is; fails the test when none of <paramref name="contracts"/> is.</summary>
    public static (ContractUnderTest Contract, Type MessageType) ContractOf(IEnumerable<ContractUnderTest> contracts, SoapEnvelope envelope, string name)
    {
        foreach (var contract in contracts)
        {
            if (contract.MessageTypeFor(envelope.BodyRoot.Name) is { } type)
            {
                return (contract, type);
            }
        }

        Assert.Fail($"{name}: body root {envelope.BodyRoot.Name} belongs to none of the contracts under test.");
        throw new UnreachableException();
    }

    /// <summary>
    /// The round trip through the typed contract keeps the body and every header by meaning, and validates
    /// exactly as the original does: a valid original gives a valid message, an invalid one the same issues, no new ones.
    /// </summary>
    public static void AssertRoundTrip(Type messageType, SoapEnvelope original, XmlSchemaSet officialSchemas, string name)
    {
        var written = TypedMessages.RoundTrip(messageType, original);

        var differences = new List<string>();
        if (XmlEquivalence.FirstDifference(WithoutSchemaLocation(original.BodyRoot), written.BodyRoot) is { } bodyDifference)
        {
            differences.Add("body " + bodyDifference);
        }

        foreach (var header in original.Headers)
        {
            var copy = written.Header(header.Name);
            if (copy is null)
            {
                differences.Add($"header {header.Name} was lost");
            }
            else if (XmlEquivalence.FirstDifference(header, copy) is { } headerDifference)
            {
                differences.Add("header " + headerDifference);
            }
        }

        differences.AddRange(written.Headers.Where(h => original.Header(h.Name) is null).Select(h => $"header {h.Name} was added"));
        Assert.That(differences, Is.Empty, $"{name}: the round trip through {messageType.Name} changed the message:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");

        var before = Issues(officialSchemas, original);
        var after = Issues(officialSchemas, written);
        Assert.That(after, Is.EqualTo(before),
            $"{name}: the re-serialized message validates differently against the official schemas.{Environment.NewLine}" +
            $"Original:{Environment.NewLine}{string.Join(Environment.NewLine, before)}{Environment.NewLine}Re-serialized:{Environment.NewLine}{string.Join(Environment.NewLine, after)}");
    }

    /// <summary>A copy without the example instances' xsi:schemaLocation hint, which no message keeps.</summary>
    private static XElement WithoutSchemaLocation(XElement element)
    {
        var copy = new XElement(element);
        copy.Attribute(XName.Get("schemaLocation", XmlSchema.InstanceNamespace))?.Remove();
        return copy;
    }

    /// <summary>
    /// Validity as expected: no issue at all, or (for a known-invalid file) at least one issue and every
    /// issue containing one of the expected fragments, so an unexpected new problem still fails.
    /// </summary>
    public static void AssertExpectedValidity(IReadOnlyList<string> issues, string[]? expectedFragments, string what)
    {
        if (expectedFragments is null)
        {
            Assert.That(issues, Is.Empty, $"{what} is not schema-valid:{Environment.NewLine}{string.Join(Environment.NewLine, issues)}");
            return;
        }

        Assert.That(issues, Is.Not.Empty, $"{what} is listed as known-invalid but validates: update the list.");
        var unexplained = issues.Where(i => !expectedFragments.Any(f => i.Contains(f, StringComparison.Ordinal))).ToList();
        Assert.That(unexplained, Is.Empty, $"{what} has issues beyond the known ones:{Environment.NewLine}{string.Join(Environment.NewLine, unexplained)}");
        var unseen = expectedFragments.Where(f => !issues.Any(i => i.Contains(f, StringComparison.Ordinal))).ToList();
        Assert.That(unseen, Is.Empty, $"{what} no longer has these known issues (update the list):{Environment.NewLine}{string.Join(Environment.NewLine, unseen)}");
    }
}

/// <summary>Finds SoapUI (<c>?</c> as an element's whole text) and Gatling/SoapUI (<c>${…}</c>) placeholders.</summary>
public static class PlaceholderScan
{
    public static bool HasPlaceholders(string path)
    {
        var document = SoapEnvelope.Load(path).Document;
        return document.Descendants().Any(e => !e.HasElements && (e.Value.Trim() == "?" || e.Value.Contains("${", StringComparison.Ordinal)))
               || document.Descendants().Attributes().Any(a => a.Value.Contains("${", StringComparison.Ordinal));
    }
}

/// <summary>
/// What one project sample (<c>wsdl/samples/&lt;Contract&gt;/file.xml</c>) is: the LogicalAddress header it
/// carries (null: none), whether it carries the Actor header, and what it is meant to break. Everything
/// else about it must be schema-valid against both the official and the project trees.
/// </summary>
public sealed record SampleExpectation(string File, string? LogicalAddress, bool Actor, string Breaks)
{
    public override string ToString() => File;
}

/// <summary>Checks of the project's replayable request samples.</summary>
public static class SampleChecks
{
    private static readonly XName LogicalAddress = XName.Get("LogicalAddress", "urn:riv:itintegration:registry:1");
    private static readonly XName Actor = XName.Get("Actor", "urn:riv:interoperability:headers:1");
    private static readonly XName ActorId = XName.Get("actorId", "urn:riv:interoperability:headers:1");
    private static readonly XName ActorType = XName.Get("actorType", "urn:riv:interoperability:headers:1");

    /// <summary>The file names in a contract's sample folder, sorted.</summary>
    public static IReadOnlyList<string> Files(string contract)
        => [.. Directory.EnumerateFiles(ProjectSamples.Folder(contract), "*.xml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The sample is strict UTF-8, its body is the contract's request and valid against both trees, its
    /// headers are valid against both trees and are exactly the expected ones, and it survives the round
    /// trip through the contract types.
    /// </summary>
    public static void AssertConforms(ContractUnderTest contract, SampleExpectation expected, string officialTree, string projectTree, string patient)
    {
        var path = ProjectSamples.PathOf($"{contract.Name}/{expected.File}");
        var what = $"wsdl/samples/{contract.Name}/{expected.File} ({expected.Breaks})";
        var bytes = File.ReadAllBytes(path);
        Assert.DoesNotThrow(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), $"{what} is not UTF-8.");

        var envelope = SoapEnvelope.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(envelope.IsEnvelope && envelope.Document.Root!.Name.Namespace == SoapEnvelope.Soap11, Is.True, $"{what}: not a SOAP 1.1 envelope.");
            Assert.That(envelope.BodyRoot.Name, Is.EqualTo(contract.RequestElement), $"{what}: the body is not a {contract.Name} request.");

            var logicalAddress = envelope.Header(LogicalAddress);
            Assert.That(logicalAddress?.Value, Is.EqualTo(expected.LogicalAddress), $"{what}: LogicalAddress header.");
            var actor = envelope.Header(Actor);
            Assert.That(actor is not null, Is.EqualTo(expected.Actor), $"{what}: Actor header present.");
            if (actor is not null)
            {
                Assert.That(actor.Element(ActorId)?.Value, Is.EqualTo(patient), $"{what}: actorId.");
                Assert.That(actor.Element(ActorType)?.Value, Is.EqualTo("subject_of_care"), $"{what}: actorType.");
            }

            var unexpected = envelope.Headers.Where(h => h.Name != LogicalAddress && h.Name != Actor).Select(h => h.Name.ToString()).ToList();
            Assert.That(unexpected, Is.Empty, $"{what}: unexpected headers.");
        });

        var official = SchemaTree.Official(officialTree);
        ContractChecks.AssertExpectedValidity(ContractChecks.Issues(official, envelope), null, what + " against the official schemas");
        ContractChecks.AssertExpectedValidity(ContractChecks.Issues(SchemaTree.Project(projectTree), envelope), null, what + $" against wsdl/{projectTree}");
        ContractChecks.AssertRoundTrip(contract.RequestMessage, envelope, official, what);
    }

    /// <summary>Fails when a sample folder holds a file the expectations do not document, or lacks a documented one.</summary>
    public static void AssertDocumented(string contract, IEnumerable<SampleExpectation> expectations)
        => Assert.That(Files(contract), Is.EqualTo(expectations.Select(e => e.File).Order(StringComparer.Ordinal)),
            $"wsdl/samples/{contract}: every sample must be documented (what it is for, what it breaks) in the conformance tests.");
}

/// <summary>The facts of an interaction WSDL that a consumer's generated client depends on.</summary>
public sealed record WsdlFacts(
    string TargetNamespace,
    string PortType,
    string Operation,
    string SoapAction,
    string Style,
    string RequestParts,
    string ResponseParts,
    string InputHeaders,
    string InputBody,
    string OutputBody,
    IReadOnlyList<string> SchemaImports,
    IReadOnlyList<XmlQualifiedName> PartElements)
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = XmlSchema.Namespace;

    public static WsdlFacts Read(string path)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"WSDL {path} is missing.");
        }

        var definitions = SoapEnvelope.Load(path).Document.Root!;
        var portType = definitions.Element(Wsdl + "portType")!;
        var operation = portType.Element(Wsdl + "operation")!;
        var binding = definitions.Element(Wsdl + "binding")!;
        var bindingOperation = binding.Element(Wsdl + "operation")!;
        var input = bindingOperation.Element(Wsdl + "input")!;
        var messages = definitions.Elements(Wsdl + "message").ToDictionary(m => (string)m.Attribute("name")!);
        var inputMessage = LocalName((string)operation.Element(Wsdl + "input")!.Attribute("message")!);
        var outputMessage = LocalName((string)operation.Element(Wsdl + "output")!.Attribute("message")!);

        string Parts(string message) => string.Join(", ", messages[message].Elements(Wsdl + "part")
            .Select(p => $"{(string)p.Attribute("name")!}={Resolve(p, (string)p.Attribute("element")!)}"));

        return new WsdlFacts(
            (string)definitions.Attribute("targetNamespace")!,
            (string)portType.Attribute("name")!,
            (string)operation.Attribute("name")!,
            (string)bindingOperation.Element(Soap + "operation")!.Attribute("soapAction")!,
            $"{(string?)binding.Element(Soap + "binding")!.Attribute("style")} {(string?)binding.Element(Soap + "binding")!.Attribute("transport")}",
            Parts(inputMessage),
            Parts(outputMessage),
            string.Join(", ", input.Elements(Soap + "header").Select(h => $"{LocalName((string)h.Attribute("message")!)}/{(string)h.Attribute("part")!} {(string)h.Attribute("use")!}")),
            $"{(string?)input.Element(Soap + "body")!.Attribute("use")} parts={(string?)input.Element(Soap + "body")!.Attribute("parts")}",
            $"{(string?)bindingOperation.Element(Wsdl + "output")!.Element(Soap + "body")!.Attribute("use")}",
            [.. definitions.Descendants(Xs + "import").Select(i => (string)i.Attribute("schemaLocation")!)],
            [.. messages.Values.SelectMany(m => m.Elements(Wsdl + "part")).Select(p => ResolveName(p, (string)p.Attribute("element")!))]);
    }

    /// <summary>The facts that must agree between two WSDLs of the same interaction (imports and documentation may differ).</summary>
    public string Contract => string.Join(Environment.NewLine,
        $"targetNamespace={TargetNamespace}", $"portType={PortType}", $"operation={Operation}", $"soapAction={SoapAction}",
        $"binding={Style}", $"request={RequestParts}", $"response={ResponseParts}", $"headers={InputHeaders}",
        $"input={InputBody}", $"output={OutputBody}");

    private static string LocalName(string qname) => qname[(qname.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Resolve(XElement scope, string qname) => ResolveName(scope, qname).ToString();

    private static XmlQualifiedName ResolveName(XElement scope, string qname)
    {
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : qname[..colon];
        var ns = scope.GetNamespaceOfPrefix(prefix)?.NamespaceName ?? throw new InvalidOperationException($"Prefix '{prefix}' of {qname} is not declared.");
        return new XmlQualifiedName(qname[(colon + 1)..], ns);
    }
}

/// <summary>The checks of a project interaction WSDL against its official counterpart and the contract types.</summary>
public static class WsdlChecks
{
    public static void AssertMatches(ContractUnderTest contract, string officialTree, string projectTree)
    {
        var officialPath = RivtaOracle.PathOf(["schemas", officialTree, "interactions", .. contract.InteractionWsdl.Split('/')]);
        var projectPath = SchemaTree.ProjectPath([projectTree, "interactions", .. contract.InteractionWsdl.Split('/')]);
        var official = WsdlFacts.Read(officialPath);
        var project = WsdlFacts.Read(projectPath);

        Assert.That(project.Contract, Is.EqualTo(official.Contract), $"wsdl/{projectTree}/interactions/{contract.InteractionWsdl} differs from the official WSDL.");
        ProjectWsdl.AssertWellFormed(projectPath, official.TargetNamespace, contract.Action, contract.RequestElement, contract.ResponseElement);

        // Every relative import resolves inside the project tree, and every part element is declared there.
        var projectFolder = Path.GetDirectoryName(projectPath)!;
        var treeRoot = Path.GetFullPath(SchemaTree.ProjectPath(projectTree)) + Path.DirectorySeparatorChar;
        foreach (var location in project.SchemaImports)
        {
            var target = Path.GetFullPath(Path.Combine(projectFolder, location));
            Assert.That(target.StartsWith(treeRoot, StringComparison.Ordinal) && File.Exists(target), Is.True,
                $"{contract.InteractionWsdl}: import {location} does not resolve to a file of wsdl/{projectTree}.");
        }

        var schemas = SchemaTree.Project(projectTree);
        foreach (var element in project.PartElements)
        {
            Assert.That(schemas.GlobalElements[element], Is.Not.Null, $"{contract.InteractionWsdl}: part element {element} is not declared in wsdl/{projectTree}.");
        }

        // The WCF contract types say the same as the WSDL.
        var service = contract.ServiceContract.GetCustomAttribute<ServiceContractAttribute>()!;
        var operation = contract.ServiceContract.GetMethods().Single().GetCustomAttribute<OperationContractAttribute>()!;
        Assert.Multiple(() =>
        {
            Assert.That(service.Name, Is.EqualTo(project.PortType), "ServiceContract Name = WSDL portType");
            Assert.That(service.Namespace, Is.EqualTo(contract.ResponderNamespace), "ServiceContract Namespace = responder namespace");
            Assert.That(operation.Name, Is.EqualTo(project.Operation), "OperationContract Name = WSDL operation");
            Assert.That(operation.Action, Is.EqualTo(project.SoapAction), "OperationContract Action = WSDL soapAction");
            Assert.That(contract.Action, Is.EqualTo(project.SoapAction), "contract Action constant = WSDL soapAction");
        });

        var headers = contract.RequestMessage.GetProperties()
            .Select(p => p.GetCustomAttribute<MessageHeaderAttribute>())
            .Where(a => a is not null)
            .Select(a => new XmlQualifiedName(a!.Name, a.Namespace).ToString())
            .Order(StringComparer.Ordinal);
        var wsdlHeaders = project.RequestParts.Split(", ").Where(p => !p.StartsWith("parameters=", StringComparison.Ordinal))
            .Select(p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal);
        Assert.That(headers, Is.EqualTo(wsdlHeaders), $"{contract.RequestMessage.Name}: message headers = the WSDL's header parts.");
        Assert.That(contract.HasActor, Is.EqualTo(wsdlHeaders.Contains(new XmlQualifiedName("Actor", "urn:riv:interoperability:headers:1").ToString())), "Actor header as the WSDL declares.");
    }
}

/// <summary>One WCF client call to a SoapCore endpoint that implements the same contract types.</summary>
public static class WcfRoundTrip
{
    private static readonly XName LogicalAddress = XName.Get("LogicalAddress", "urn:riv:itintegration:registry:1");
    private static readonly XName Actor = XName.Get("Actor", "urn:riv:interoperability:headers:1");

    /// <summary>Starts the endpoint on 127.0.0.1:0, calls it once through a ChannelFactory client, stops it.</summary>
    public static async Task<(TResponse Response, WireLog Wire)> CallAsync<TContract, TResponse>(TContract implementation, Func<TContract, Task<TResponse>> call)
        where TContract : class
    {
        await using var server = await SoapCoreServer<TContract>.StartAsync(implementation);
        var client = server.CreateClient();
        try
        {
            return (await call(client), server.Wire);
        }
        finally
        {
            WcfChannels.CloseQuietly(client);
        }
    }

    /// <summary>Both envelopes on the wire are the contract's, carry the headers, and are valid against the official schemas.</summary>
    public static void AssertWireConforms(WireLog wire, ContractUnderTest contract, string officialTree)
    {
        var official = SchemaTree.Official(officialTree);
        var request = SoapEnvelope.Parse(wire.Request);
        var response = SoapEnvelope.Parse(wire.Response);
        Assert.Multiple(() =>
        {
            Assert.That(request.BodyRoot.Name, Is.EqualTo(contract.RequestElement), "request body on the wire");
            Assert.That(request.Header(LogicalAddress), Is.Not.Null, "LogicalAddress header on the wire");
            Assert.That(request.Header(Actor) is not null, Is.EqualTo(contract.HasActor), "Actor header on the wire");
            Assert.That(ContractChecks.Issues(official, request), Is.Empty, "request on the wire is valid against the official schemas");
            Assert.That(response.BodyRoot.Name, Is.EqualTo(contract.ResponseElement), "response body on the wire");
            Assert.That(ContractChecks.Issues(official, response), Is.Empty, "response on the wire is valid against the official schemas");
        });
    }
}
