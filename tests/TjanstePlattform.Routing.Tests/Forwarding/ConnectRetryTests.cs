using System.Net.Sockets;
using TjanstePlattform.Routing.Forwarding;

namespace TjanstePlattform.Routing.Tests.Forwarding;

/// <summary>One retry after a failed connect, and only then: no request byte has been sent at that point.</summary>
public class ConnectRetryTests
{
    [Test]
    public async Task A_refused_connect_is_tried_once_more()
    {
        var attempts = 0;
        var stream = await ProducerClient.WithOneRetryAsync(_ =>
        {
            attempts++;
            return attempts == 1
                ? ValueTask.FromException<Stream>(new SocketException((int)SocketError.ConnectionRefused))
                : ValueTask.FromResult<Stream>(new MemoryStream());
        }, CancellationToken.None);
        Assert.That(stream, Is.Not.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Two_failed_connects_give_up()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<SocketException>(async () => await ProducerClient.WithOneRetryAsync(_ =>
        {
            attempts++;
            return ValueTask.FromException<Stream>(new SocketException((int)SocketError.ConnectionRefused));
        }, CancellationToken.None));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Other_failures_are_not_retried()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<IOException>(async () => await ProducerClient.WithOneRetryAsync(_ =>
        {
            attempts++;
            return ValueTask.FromException<Stream>(new IOException("broken after connect"));
        }, CancellationToken.None));
        Assert.That(attempts, Is.EqualTo(1));
    }
}
