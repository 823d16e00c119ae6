using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using TjanstePlattform.Soap.Xml;

namespace TjanstePlattform.Routing.Wsdl;

/// <summary>
/// <c>GET /vp/{path}?wsdl</c> and <c>?xsd=&lt;relative path&gt;</c>: the contract's WSDL with
/// <c>soap:address/@location</c> rewritten to the address the consumer used (or the X-VP-Forwarded-* values
/// of a proxy in front) and every import rewritten to <c>?xsd=</c>, so a client generator can fetch the whole tree
/// through the platform. No sender or authorization check, as on the reference platform.
/// </summary>
internal sealed class WsdlEndpoint(WsdlLibrary library)
{
    private const string WsdlNs = "http://schemas.xmlsoap.org/wsdl/";
    private const string XsdNs = "http://www.w3.org/2001/XMLSchema";

    public async Task InvokeAsync(HttpContext context, string? path)
    {
        var query = context.Request.Query;
        var entry = library.Find(path ?? string.Empty);
        if (entry is null || (!query.ContainsKey("wsdl") && !query.ContainsKey("xsd")))
        {
            await WriteListAsync(context, entry is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
            return;
        }

        var endpointUrl = EndpointUrl(context.Request);
        var wsdlDirectory = Path.GetDirectoryName(entry.File)!;
        string file;
        if (query.TryGetValue("xsd", out var xsd) && !string.IsNullOrEmpty(xsd.ToString()))
        {
            file = Path.GetFullPath(Path.Combine(wsdlDirectory, xsd.ToString()));
            if (!file.StartsWith(entry.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            {
                // Never serve anything outside the tree the WSDL belongs to.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync($"No schema {xsd} for {entry.Path}.");
                return;
            }
        }
        else
        {
            file = entry.File;
        }

        var document = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
        await using (var stream = File.OpenRead(file))
        using (var reader = SafeXml.CreateReader(stream))
        {
            document.Load(reader);
        }

        Rewrite(document.DocumentElement!, Path.GetDirectoryName(file)!, wsdlDirectory, endpointUrl);
        context.Response.ContentType = "text/xml; charset=UTF-8";
        // WSDL and XSD files are small: render in memory (Kestrel forbids synchronous writes to the response).
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private static void Rewrite(XmlElement element, string fileDirectory, string wsdlDirectory, string endpointUrl)
    {
        switch (element.LocalName)
        {
            case "address" when element.HasAttribute("location") && element.NamespaceURI.StartsWith("http://schemas.xmlsoap.org/wsdl/soap", StringComparison.Ordinal):
                element.SetAttribute("location", endpointUrl);
                break;
            case "import" or "include" when element.NamespaceURI == XsdNs && element.HasAttribute("schemaLocation"):
                element.SetAttribute("schemaLocation", XsdLink(element.GetAttribute("schemaLocation"), fileDirectory, wsdlDirectory, endpointUrl));
                break;
            case "import" when element.NamespaceURI == WsdlNs && element.HasAttribute("location"):
                element.SetAttribute("location", XsdLink(element.GetAttribute("location"), fileDirectory, wsdlDirectory, endpointUrl));
                break;
        }

        foreach (var child in element.ChildNodes.OfType<XmlElement>())
        {
            Rewrite(child, fileDirectory, wsdlDirectory, endpointUrl);
        }
    }

    private static string XsdLink(string location, string fileDirectory, string wsdlDirectory, string endpointUrl)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out _))
        {
            return location;
        }

        var target = Path.GetFullPath(Path.Combine(fileDirectory, location));
        var relative = Path.GetRelativePath(wsdlDirectory, target).Replace(Path.DirectorySeparatorChar, '/');
        return $"{endpointUrl}?xsd={Uri.EscapeDataString(relative).Replace("%2F", "/")}";
    }

    /// <summary>The URL the consumer called, or the one a proxy in front says it called (X-VP-Forwarded-*).</summary>
    private static string EndpointUrl(HttpRequest request)
    {
        var headers = request.Headers;
        var scheme = First(headers["X-VP-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(headers["X-VP-Forwarded-Host"]) ?? request.Host.Host;
        var port = First(headers["X-VP-Forwarded-Port"]) ?? request.Host.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var authority = port is null || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") ? host : $"{host}:{port}";
        return $"{scheme}://{authority}{request.PathBase}{request.Path}";
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Split(',')[0].Trim();
    }

    private async Task WriteListAsync(HttpContext context, int status)
    {
        var request = context.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/vp/";
        var text = new StringBuilder("Available WSDLs:\n");
        foreach (var entry in library.All)
        {
            text.Append(baseUrl).Append(entry.Path).Append("?wsdl\n");
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=UTF-8";
        await context.Response.WriteAsync(text.ToString());
    }
}
