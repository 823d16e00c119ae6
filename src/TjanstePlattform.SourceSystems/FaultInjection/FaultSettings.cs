using System.Text.Json.Serialization;

namespace TjanstePlattform.SourceSystems.FaultInjection;

/// <summary>
/// The faults one source system shows, each with a probability (0–1) of striking a call. Latency comes first
/// (the call is delayed); then at most one failure, tried in this order: closed connection, HTTP error status,
/// SOAP fault, malformed XML. A section left out (null) never strikes. <see cref="Persons"/> narrows faults to the calls
/// about one person (the reference stub's per-patient behaviour: a fault for one patient only, the others answered).
/// </summary>
internal sealed class FaultSettings
{
    /// <summary>At most this many persons with faults of their own per system (the request body is searched for each).</summary>
    public const int MaxPersons = 100;

    /// <summary>Added latency before the system answers.</summary>
    public LatencyFault? Latency { get; set; }

    /// <summary>The connection is reset without an answer (the router answers VP009).</summary>
    public ProbabilityFault? CloseConnection { get; set; }

    /// <summary>A non-SOAP HTTP error (the router answers VP009 with the status).</summary>
    public HttpErrorFault? HttpError { get; set; }

    /// <summary>The producer's own SOAP fault, HTTP 500 (the router passes it through).</summary>
    public SoapFaultFault? SoapFault { get; set; }

    /// <summary>HTTP 200 with a truncated envelope (the router passes it through; an aggregator fails that branch).</summary>
    public ProbabilityFault? MalformedXml { get; set; }

    /// <summary>
    /// Faults for the calls about one person, by person id: a call whose request names the person (an element whose
    /// value is the id: patientId/id, subjectOfCareId, subject_of_care …) gets that person's faults instead of the
    /// system-wide ones above, decided once the request is read. Null or empty: none.
    /// </summary>
    public Dictionary<string, FaultSettings>? Persons { get; set; }

    public static FaultSettings None => new();

    /// <summary>No system-wide fault (per-person faults aside).</summary>
    [JsonIgnore]
    public bool IsEmpty => Latency is null && CloseConnection is null && HttpError is null && SoapFault is null && MalformedXml is null;

    public FaultSettings Clone() => new()
    {
        Latency = Latency is null ? null : new LatencyFault { Milliseconds = Latency.Milliseconds, Probability = Latency.Probability },
        CloseConnection = CloseConnection is null ? null : new ProbabilityFault { Probability = CloseConnection.Probability },
        HttpError = HttpError is null ? null : new HttpErrorFault { Probability = HttpError.Probability, StatusCode = HttpError.StatusCode },
        SoapFault = SoapFault is null ? null : new SoapFaultFault { Probability = SoapFault.Probability, FaultCode = SoapFault.FaultCode, FaultString = SoapFault.FaultString },
        MalformedXml = MalformedXml is null ? null : new ProbabilityFault { Probability = MalformedXml.Probability },
        Persons = Persons?.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal),
    };

    /// <summary>Every problem with the settings, by JSON field name; empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ValidateFaults(errors, "");
        if (Persons is { } persons)
        {
            if (persons.Count > MaxPersons)
            {
                errors["persons"] = [$"At most {MaxPersons} persons."];
            }

            foreach (var (id, person) in persons)
            {
                if (!IsPersonId(id))
                {
                    errors[$"persons.{id}"] = ["A person id is 12 digits (YYYYMMDDNNNN), or 10 (YYMMDDNNNN)."];
                }
                else if (person is null || person.Persons is not null)
                {
                    errors[$"persons.{id}"] = ["A person's faults are an object of the same fields, without persons of their own."];
                }
                else
                {
                    person.ValidateFaults(errors, $"persons.{id}.");
                }
            }
        }

        return errors;
    }

    private static bool IsPersonId(string id) => id.Length is 10 or 12 && id.All(char.IsAsciiDigit);

    private void ValidateFaults(Dictionary<string, string[]> errors, string prefix)
    {
        Check(errors, prefix + "latency", Latency);
        Check(errors, prefix + "closeConnection", CloseConnection);
        Check(errors, prefix + "httpError", HttpError);
        Check(errors, prefix + "soapFault", SoapFault);
        Check(errors, prefix + "malformedXml", MalformedXml);
        if (Latency is { } latency && latency.Milliseconds is < 0 or > LatencyFault.MaxMilliseconds)
        {
            errors[prefix + "latency.milliseconds"] = [$"Must be between 0 and {LatencyFault.MaxMilliseconds}."];
        }

        if (HttpError is { } http && http.StatusCode is < 400 or > 599)
        {
            errors[prefix + "httpError.statusCode"] = ["Must be an HTTP error status, 400–599."];
        }

        if (SoapFault is { } soap)
        {
            if (!string.Equals(soap.FaultCode, "Server", StringComparison.Ordinal) && !string.Equals(soap.FaultCode, "Client", StringComparison.Ordinal))
            {
                errors[prefix + "soapFault.faultCode"] = ["Must be 'Server' or 'Client'."];
            }

            if (soap.FaultString is { Length: > 1000 })
            {
                errors[prefix + "soapFault.faultString"] = ["At most 1000 characters."];
            }
        }
    }

    private static void Check(Dictionary<string, string[]> errors, string name, ProbabilityFault? fault)
    {
        if (fault is not null && (double.IsNaN(fault.Probability) || fault.Probability is < 0 or > 1))
        {
            errors[name + ".probability"] = ["Must be between 0 and 1."];
        }
    }
}

/// <summary>A fault that strikes with a probability.</summary>
internal class ProbabilityFault
{
    /// <summary>0 never, 1 every call.</summary>
    public double Probability { get; set; } = 1;
}

internal sealed class LatencyFault : ProbabilityFault
{
    public const int MaxMilliseconds = 600_000;

    public int Milliseconds { get; set; }
}

internal sealed class HttpErrorFault : ProbabilityFault
{
    public int StatusCode { get; set; } = 503;
}

internal sealed class SoapFaultFault : ProbabilityFault
{
    /// <summary><c>Server</c> or <c>Client</c>.</summary>
    public string FaultCode { get; set; } = "Server";

    /// <summary>Empty: a text naming the source system.</summary>
    public string? FaultString { get; set; }
}
