using TjanstePlattform.Platform;

namespace TjanstePlattform.Soap.Service;

/// <summary>A part's built-in services, found by the path of their physical address (e.g. <c>/platform/engagementindex/Update/1/rivtabp21</c>).</summary>
public interface ISoapServiceSource
{
    SoapService? Find(string path);
}

/// <summary>
/// Tells the router whether a routing's physical address is one of the platform's own producers, so it can hand the
/// call over in-process. Only addresses under the platform's own base address count: a routing repointed to a real
/// system (any other address) is called over HTTP as always.
/// </summary>
/// <remarks>
/// The built-in services publish themselves here when their paths are mapped (<see cref="SoapServiceExtensions"/>):
/// data handed over at start-up, not a dependency, since the aggregating services (a built-in) call the router in turn.
/// </remarks>
public sealed class BuiltInProducers(IPlatformAddress platformAddress)
{
    private ISoapServiceSource[] _sources = [];

    /// <summary>Adds a part's services (at start-up, when they are mapped).</summary>
    public void Add(ISoapServiceSource source)
    {
        ISoapServiceSource[] current, updated;
        do
        {
            current = Volatile.Read(ref _sources);
            updated = [.. current, source];
        }
        while (Interlocked.CompareExchange(ref _sources, updated, current) != current);
    }

    public SoapService? Find(Uri physicalAddress)
    {
        if (platformAddress.BaseAddress is not { } baseAddress || !IsPlatform(physicalAddress, baseAddress))
        {
            return null;
        }

        var path = physicalAddress.AbsolutePath;
        foreach (var source in Volatile.Read(ref _sources))
        {
            if (source.Find(path) is { } service)
            {
                return service;
            }
        }

        return null;
    }

    /// <summary>Same scheme and port, and the same host or both loopback (127.0.0.1 and localhost are the same platform).</summary>
    public static bool IsPlatform(Uri address, Uri baseAddress) =>
        address.Port == baseAddress.Port
        && string.Equals(address.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && (string.Equals(address.Host, baseAddress.Host, StringComparison.OrdinalIgnoreCase) || (address.IsLoopback && baseAddress.IsLoopback));
}

/// <summary>One service at one path.</summary>
internal sealed class SinglePathSource(string path, SoapService service) : ISoapServiceSource
{
    public SoapService? Find(string requested) => string.Equals(requested, path, StringComparison.OrdinalIgnoreCase) ? service : null;
}
