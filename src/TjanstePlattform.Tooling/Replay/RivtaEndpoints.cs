namespace TjanstePlattform.Tooling.Replay;

/// <summary>The RIVTA endpoint conventions replay relies on when a target is only a base address.</summary>
public static class RivtaEndpoints
{
    /// <summary>
    /// The conventional router path of a contract: <c>urn:riv:clinicalprocess:activityprescription:actoutcome:GetMedicationHistoryResponder:2</c>
    /// → <c>/vp/clinicalprocess/activityprescription/actoutcome/GetMedicationHistory/2/rivtabp21</c>.
    /// Null for namespaces that do not follow the <c>urn:riv:…:&lt;Interaction&gt;Responder:&lt;major&gt;</c> pattern.
    /// </summary>
    public static string? RouterPath(string? contractNamespace, bool basicProfile20 = false)
    {
        if (contractNamespace is null || !contractNamespace.StartsWith("urn:riv:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = contractNamespace["urn:riv:".Length..].Split(':');
        if (parts.Length < 3 || !parts[^2].EndsWith("Responder", StringComparison.Ordinal) || !int.TryParse(parts[^1], out _))
        {
            return null;
        }

        var interaction = parts[^2][..^"Responder".Length];
        var domain = string.Join('/', parts[..^2]);
        return $"/vp/{domain}/{interaction}/{parts[^1]}/{(basicProfile20 ? "rivtabp20" : "rivtabp21")}";
    }

    /// <summary>The SOAPAction of RIVTA WSDLs: <c>{responder namespace}:{operation}</c>.</summary>
    public static string? SoapAction(string? contractNamespace, string? operation)
        => contractNamespace is null || operation is null ? null : $"{contractNamespace}:{operation}";
}
