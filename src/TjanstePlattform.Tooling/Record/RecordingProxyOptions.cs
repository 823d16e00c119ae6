namespace TjanstePlattform.Tooling.Record;

/// <summary>Options of <c>tjp record</c>.</summary>
public sealed class RecordingProxyOptions
{
    /// <summary><c>--listen</c>: where the proxy listens (plain HTTP), e.g. <c>http://127.0.0.1:9090</c>; port 0 picks a free port.</summary>
    public Uri Listen { get; set; } = new("http://127.0.0.1:9090");

    /// <summary><c>--target</c>: where calls are forwarded (normally the router); the incoming path is appended to its path.</summary>
    public required Uri Target { get; set; }

    /// <summary><c>--out</c>: the folder the recordings are written to (created when missing).</summary>
    public required string OutputDirectory { get; set; }

    /// <summary><c>--mask-person-ids</c>: replace 12-digit person ids in the recorded files and headers.</summary>
    public bool MaskPersonIds { get; set; }

    /// <summary>The most of one body that is written to disk; the call itself is always forwarded whole.</summary>
    public long MaxRecordedBodyBytes { get; set; } = 64L * 1024 * 1024;
}
