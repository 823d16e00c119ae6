using System.Collections.Concurrent;
using System.Xml;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.SourceSystems.FaultInjection;

/// <summary>Decides whether a fault with a probability strikes: a seedable source, so tests are deterministic.</summary>
public interface IProbabilitySource
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}

/// <summary>A <see cref="Random"/>, seeded from <c>SourceSystems:FaultInjection:Seed</c> when set.</summary>
internal sealed class RandomProbabilitySource(IOptions<SourceSystemsOptions> options) : IProbabilitySource
{
    private readonly Random _random = options.Value.FaultInjection.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _lock = new();

    public double NextDouble()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }
}

/// <summary>The failure (if any) chosen for one call.</summary>
internal enum FaultKind
{
    None,
    CloseConnection,
    HttpError,
    SoapFault,
    MalformedXml,
}

/// <summary>What to do to one call: wait <see cref="Latency"/>, then fail as <see cref="Kind"/> says.</summary>
internal readonly record struct FaultDecision(TimeSpan Latency, FaultKind Kind, FaultSettings Settings)
{
    public static FaultDecision None { get; } = new(TimeSpan.Zero, FaultKind.None, FaultSettings.None);
}

/// <summary>
/// The faults currently set per source system (in memory: a restart brings back each system's data-file baseline,
/// e.g. the slow system's latency).
/// </summary>
internal sealed class FaultInjector(IProbabilitySource random)
{
    private readonly ConcurrentDictionary<string, FaultSettings> _baseline = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, FaultSettings> _current = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declares a system and its baseline (what a reset returns to).</summary>
    public void Register(string hsaId, FaultSettings? baseline)
    {
        var settings = baseline?.Clone() ?? FaultSettings.None;
        _baseline[hsaId] = settings;
        _current[hsaId] = settings.Clone();
    }

    public FaultSettings Get(string hsaId) => _current.TryGetValue(hsaId, out var settings) ? settings.Clone() : FaultSettings.None;

    public void Set(string hsaId, FaultSettings settings) => _current[hsaId] = settings.Clone();

    /// <summary>Back to the system's baseline from its data file (no faults for most systems).</summary>
    public FaultSettings Reset(string hsaId)
    {
        var baseline = _baseline.TryGetValue(hsaId, out var found) ? found.Clone() : FaultSettings.None;
        _current[hsaId] = baseline.Clone();
        return baseline;
    }

    /// <summary>
    /// Whether any fault is set for the system now, system-wide or for a person (one with probability 0 counts: cheap,
    /// and on the safe side).
    /// </summary>
    public bool IsArmed(string hsaId) => _current.TryGetValue(hsaId, out var settings) && (!settings.IsEmpty || settings.Persons is { Count: > 0 });

    /// <summary>The system-wide faults for a call, decided before its request is read.</summary>
    public FaultDecision Decide(string hsaId) =>
        _current.TryGetValue(hsaId, out var settings) ? Decide(settings) : FaultDecision.None;

    /// <summary>
    /// The faults of the first person of the system's per-person faults whose id is the value of an element of
    /// <paramref name="body"/>; none when the system has no per-person faults (the body is not searched then).
    /// </summary>
    public FaultDecision DecideForPerson(string hsaId, XmlElement body)
    {
        if (!_current.TryGetValue(hsaId, out var settings) || settings.Persons is not { Count: > 0 } persons)
        {
            return FaultDecision.None;
        }

        foreach (XmlNode text in body.SelectNodes("descendant::text()")!)
        {
            if (persons.TryGetValue(text.Value?.Trim() ?? "", out var person))
            {
                return Decide(person);
            }
        }

        return FaultDecision.None;
    }

    private FaultDecision Decide(FaultSettings settings)
    {
        if (settings.IsEmpty)
        {
            return FaultDecision.None;
        }

        var latency = settings.Latency is { } l && Strikes(l) ? TimeSpan.FromMilliseconds(l.Milliseconds) : TimeSpan.Zero;
        var kind = Strikes(settings.CloseConnection) ? FaultKind.CloseConnection
            : Strikes(settings.HttpError) ? FaultKind.HttpError
            : Strikes(settings.SoapFault) ? FaultKind.SoapFault
            : Strikes(settings.MalformedXml) ? FaultKind.MalformedXml
            : FaultKind.None;
        return new FaultDecision(latency, kind, settings);
    }

    private bool Strikes(ProbabilityFault? fault) => fault switch
    {
        null => false,
        { Probability: <= 0 } => false,
        { Probability: >= 1 } => true,
        _ => random.NextDouble() < fault.Probability,
    };
}
