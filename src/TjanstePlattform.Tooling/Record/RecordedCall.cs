using System.Text.Json;
using System.Text.Json.Serialization;

namespace TjanstePlattform.Tooling.Record;

/// <summary>
/// The JSON sidecar of one recorded call (<c>NNNN-Operation.json</c> next to <c>.request.xml</c> and
/// <c>.response.xml</c>): headers and timing of both directions, and the expectations replay derives
/// from the recorded answer. Testers may edit <see cref="Expect"/> by hand.
/// </summary>
public sealed class RecordedCall
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Sequence { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>From the first request byte to the last response byte, through the proxy.</summary>
    public double DurationMs { get; set; }

    /// <summary>True when 12-digit person ids were replaced (consistently) in both files and the headers.</summary>
    public bool PersonIdsMasked { get; set; }

    public RecordedRequest Request { get; set; } = new();
    public RecordedResponse Response { get; set; } = new();
    public RecordedExpectation Expect { get; set; } = new();
}

public sealed class RecordedRequest
{
    public string Method { get; set; } = "POST";
    public string Path { get; set; } = "/";
    public string? Query { get; set; }

    /// <summary>The service contract (namespace of the first Body child), when the body was an envelope.</summary>
    public string? Contract { get; set; }

    public string? LogicalAddress { get; set; }
    public string File { get; set; } = string.Empty;
    public Dictionary<string, string[]> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the body exceeded the recording limit and the file holds only its beginning.</summary>
    public bool? Truncated { get; set; }
}

public sealed class RecordedResponse
{
    public int Status { get; set; }
    public string File { get; set; } = string.Empty;
    public Dictionary<string, string[]> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public bool? Truncated { get; set; }
}

/// <summary>What a replay of this call asserts: status, fault or not, record counts.</summary>
public sealed class RecordedExpectation
{
    public int Status { get; set; }

    /// <summary>Null when the answer was too large to record whole: then only the status is asserted.</summary>
    public bool? SoapFault { get; set; }

    /// <summary>The fault's faultstring, for the reader (not asserted: it may carry a platform name or ids).</summary>
    public string? FaultString { get; set; }

    /// <summary>Children of the answer's payload by name with their counts (e.g. 3 medicationMedicalRecord).</summary>
    public List<RecordedCount> Records { get; set; } = [];
}

public sealed class RecordedCount
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public int Count { get; set; }
}
