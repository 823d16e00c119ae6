namespace TjanstePlattform.Platform;

/// <summary>
/// The platform's own base address, known only once Kestrel has bound its listeners. Built-in producers
/// (EI, aggregating services, source systems) are registered in the catalog under it, like any producer.
/// </summary>
public interface IPlatformAddress
{
    /// <summary>The base address, e.g. <c>http://127.0.0.1:8080</c>; completes when the server is listening.</summary>
    Task<Uri> GetBaseAddressAsync(CancellationToken cancellationToken = default);

    /// <summary>The base address once known (null before the server listens): for decisions on the per-call path.</summary>
    Uri? BaseAddress { get; }
}
