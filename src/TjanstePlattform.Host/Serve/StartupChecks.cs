using System.Net;
using System.Net.Sockets;
using TjanstePlattform.Platform;

namespace TjanstePlattform.Host.Serve;

/// <summary>
/// What makes a start fail for a reason the operator can fix at once, checked before anything starts: a listener port
/// already in use, a data directory that cannot be written. Each is one sentence, not a stack trace from deep in start-up.
/// </summary>
internal static class StartupChecks
{
    /// <summary>The first problem found with the platform's <paramref name="configuration"/>, or null.</summary>
    public static string? Problem(IConfiguration configuration) =>
        DataDirectoryProblem(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Directory)}"] ?? new StorageOptions().Directory)
        ?? ListenerProblem(configuration);

    private static string? DataDirectoryProblem(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return null; // Options validation names the empty setting.
        }

        var path = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".tjp-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"the data directory {path} is not writable ({ex.Message}); set Storage:Directory to a writable folder.";
        }
    }

    private static string? ListenerProblem(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException ex)
            {
                return $"--urls: '{url}' is not a listener address ({ex.Message}).";
            }

            if (PortProblem(address.Host, address.Port, url) is { } problem)
            {
                return problem;
            }
        }

        var httpsPort = configuration.GetValue<int?>("Routing:Https:Port");
        return httpsPort is > 0
            ? PortProblem(configuration["Routing:Https:Address"] ?? "127.0.0.1", httpsPort.Value, $"Routing:Https:Port={httpsPort}")
            : null;
    }

    private static string? PortProblem(string host, int port, string what)
    {
        if (port == 0)
        {
            return null;
        }

        IPAddress ip;
        if (host is "*" or "+" or "0.0.0.0")
        {
            ip = IPAddress.Any;
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            ip = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host.Trim('[', ']'), out ip!))
        {
            return null; // A host name: Kestrel resolves it and says what fails.
        }

        try
        {
            var listener = new TcpListener(ip, port);
            listener.Start();
            listener.Stop();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"cannot listen on {what}: port {port} is already in use (choose another with --urls or stop the other process).";
        }
        catch (SocketException ex)
        {
            return $"cannot listen on {what}: {ex.Message}.";
        }
    }
}
