namespace TjanstePlattform.EngagementIndex;

/// <summary>The engagement index (engagemangsindex, EI), section <c>EngagementIndex</c>.</summary>
public sealed class EngagementIndexOptions
{
    public const string SectionName = "EngagementIndex";

    /// <summary>
    /// The index's own logical address and owner id (HSA-id): Update must be addressed to it and every stored
    /// engagement gets it as owner. Empty: <c>Platform:HsaId</c> (5565594230).
    /// </summary>
    public string? Owner { get; set; }

    /// <summary>
    /// The consumer id (HSA-id) the index uses when it delivers ProcessNotification through the router
    /// (<c>x-vp-sender-id</c>); subscribers are the authorizations (anropsbehörigheter) of this consumer on
    /// ProcessNotification. Empty: <c>Platform:HsaId</c>.
    /// </summary>
    public string? ConsumerId { get; set; }

    /// <summary>
    /// HSA-ids that may never be indexed as logicalAddress (EI005) or sourceSystem (EI006): an aggregating service
    /// would call itself. The platform's HSA-id and the owner are always reserved; add others here.
    /// </summary>
    public List<string> ReservedHsaIds { get; set; } = [];

    /// <summary>Largest accepted SOAP request in bytes (default 16 MiB: 1000 engagements take about 1 MiB).</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>GetUpdates: about this many engagements per page (whole residents; a page holds at least one resident).</summary>
    public int GetUpdatesPageSize { get; set; } = 1000;

    /// <summary>
    /// The time zone of creationTime/updateTime (RIVTA timestamps are Swedish local time without zone).
    /// Unknown ids fall back to the machine's local zone.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>Number of pooled read connections for FindContent/GetUpdates.</summary>
    public int ReadConnections { get; set; } = 8;

    public NotificationOptions Notifications { get; set; } = new();
}

/// <summary>Delivery of ProcessNotification to subscribers (section <c>EngagementIndex:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Tries per notification before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Back-off before the second try; doubles per try (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one delivery attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Circuit breaker per subscriber: open after this many failures in a row…</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>…for this long (no attempt is spent while it is open).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The router path deliveries are posted to, below the platform's base address. The router routes on the
    /// LogicalAddress header (the subscriber) and the contract namespace, never on the path.
    /// </summary>
    public string RouterPath { get; set; } = "/vp/itintegration/engagementindex/ProcessNotification/1/rivtabp21";
}
