namespace TjanstePlattform.SourceSystems;

/// <summary>The built-in source systems (källsystem) and their demo world, section <c>SourceSystems</c>.</summary>
public sealed class SourceSystemsOptions
{
    public const string SectionName = "SourceSystems";

    /// <summary>False: no source systems at all (no endpoints, no catalog entries, nothing seeded into EI).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The world the source systems show: <c>demo</c> (the demo world) or <c>reference</c> (the public test data of the
    /// reference platform's aggregating-service test stub, with its HSA tree and short producer timeout; see
    /// <see cref="SourceSystemWorlds"/>). An explicit <see cref="DataDirectory"/> still wins.
    /// </summary>
    public string World { get; set; } = SourceSystemWorlds.Demo;

    /// <summary>
    /// The folder with the demo world's data files (<c>persons.json</c>, <c>journals.json</c>, <c>scheduling.json</c>,
    /// <c>medicalsupply.json</c>). Empty: the built-in demo world next to the executable (<c>DemoWorld/Data</c>).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Where the source systems answer: <c>{PathBase}/{hsaId}/{Interaction}/{major}/rivtabp21</c>.</summary>
    public string PathBase { get; set; } = "/sourcesystems";

    /// <summary>Largest SOAP request a source system reads, in bytes (larger ones get a SOAP fault).</summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The time zone of RIVTA timestamps (Swedish local time without zone); unknown ids fall back to the machine's zone.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>The national logical address of the aggregating services the demo consumer is authorized for. Empty: <c>Platform:HsaId</c>.</summary>
    public string? NationalLogicalAddress { get; set; }

    /// <summary>The demo consumer (tjänstekonsument) seeded with authorizations. Empty: <c>TJP-DEMO-CONSUMER</c>.</summary>
    public string? DemoConsumer { get; set; }

    public EngagementReportingOptions EngagementIndex { get; set; } = new();

    /// <summary>
    /// Built-in producers for any contract whose schema the platform has (its own <c>wsdl/</c> or a release folder in
    /// <c>Contracts:Directories</c>): each answers at its logical address from the demo world's record file for the
    /// contract when there is one, else with a response generated from the schema (required elements, type-correct
    /// values, the contract's OK result). Routed in the catalog and authorized for the demo consumer at every start.
    /// What a team uses while the real producer is not ready.
    /// </summary>
    public List<GeneratedProducerOptions> GeneratedProducers { get; set; } = [];

    public FaultInjectionOptions FaultInjection { get; set; } = new();
}

/// <summary>One generated producer (section <c>SourceSystems:GeneratedProducers:n</c>).</summary>
public sealed class GeneratedProducerOptions
{
    /// <summary>The logical address (and HSA-id) the producer answers at, e.g. <c>SE2321000016-GEN1</c>.</summary>
    public string LogicalAddress { get; set; } = "";

    /// <summary>The contracts it answers: responder namespaces, e.g. <c>urn:riv:clinicalprocess:healthcond:actoutcome:GetECGOutcomeResponder:1</c>.</summary>
    public List<string> Contracts { get; set; } = [];
}

/// <summary>How the source systems report to the engagement index (section <c>SourceSystems:EngagementIndex</c>).</summary>
public sealed class EngagementReportingOptions
{
    /// <summary>False: nothing is reported to EI (no seeding, no Update after writes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The index's logical address (its owner id) Update is sent to. Empty: <c>Platform:HsaId</c>.</summary>
    public string? LogicalAddress { get; set; }

    /// <summary>The router path Update is posted to, below the platform's base address.</summary>
    public string RouterPath { get; set; } = "/vp/itintegration/engagementindex/Update/1/rivtabp21";

    /// <summary>Timeout of one Update attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a write (a booking, an order) waits for its Update before it answers anyway (the Update is retried later).</summary>
    public TimeSpan WriteWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries per Update before it is given up (logged, kept in the store as dead).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Longest back-off between tries.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The readiness gate opens when the first-start seeding reached EI, or after this long (logged) so a broken EI never keeps the platform down.</summary>
    public TimeSpan SeedReadinessTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Fault injection (section <c>SourceSystems:FaultInjection</c>).</summary>
public sealed class FaultInjectionOptions
{
    /// <summary>Seed of the random source that decides whether a fault with probability &lt; 1 strikes. Empty: not seeded.</summary>
    public int? Seed { get; set; }
}
