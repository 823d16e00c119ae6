using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Host.Serve;

/// <summary>
/// Resolves the platform's base address once Kestrel is listening (port 0 in tests), or takes it from
/// <c>Platform:BaseAddress</c>. Wildcard hosts become 127.0.0.1 so built-in producers are reached on loopback.
/// </summary>
internal sealed class ServerPlatformAddress(IServer server, IHostApplicationLifetime lifetime, IOptions<PlatformOptions> options)
    : IPlatformAddress, IHostedService
{
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> GetBaseAddressAsync(CancellationToken cancellationToken = default) => _address.Task.WaitAsync(cancellationToken);

    public Uri? BaseAddress => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseAddress))
        {
            _address.TrySetResult(new Uri(options.Value.BaseAddress.TrimEnd('/')));
            return Task.CompletedTask;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
            if (first is null)
            {
                _address.TrySetException(new InvalidOperationException("The server bound no address."));
                return;
            }

            var uri = new UriBuilder(first.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "127.0.0.1";
            }

            _address.TrySetResult(new Uri(uri.Uri.GetLeftPart(UriPartial.Authority)));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
