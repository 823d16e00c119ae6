using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TjanstePlattform.Routing.Forwarding;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Routing.Tests.Forwarding;

/// <summary>One retry after a failed connect, and only then: no request byte has been sent at that point.</summary>
public class ConnectRetryTests
{
    private static readonly ManualTimeProvider Clock = new(DateTimeOffset.UnixEpoch);

    [Test]
    public async Task The_retry_waits_for_the_pause_on_the_clock()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var attempts = 0;
        var connecting = ProducerClient.WithOneRetryAsync(_ =>
        {
            Interlocked.Increment(ref attempts);
            return attempts == 1
                ? ValueTask.FromException<Stream>(new SocketException((int)SocketError.ConnectionRefused))
                : ValueTask.FromResult<Stream>(new MemoryStream());
        }, TimeSpan.FromSeconds(2), clock, CancellationToken.None).AsTask();

        Assert.That(clock.PendingTimers, Is.EqualTo(1), "waiting for the pause");
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.That((connecting.IsCompleted, Volatile.Read(ref attempts)), Is.EqualTo((false, 1)), "no retry before the pause is over");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await connecting, Is.Not.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public void The_pause_is_two_seconds_by_default()
    {
        Assert.That(new RoutingOptions().Timeouts.ConnectRetryPause, Is.EqualTo(TimeSpan.FromSeconds(2)));
        using var client = new ProducerClient(Options.Create(new RoutingOptions()), TimeProvider.System);
        Assert.That(client.Invoker, Is.Not.Null);
    }

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
        }, TimeSpan.Zero, Clock, CancellationToken.None);
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
        }, TimeSpan.Zero, Clock, CancellationToken.None));
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
        }, TimeSpan.Zero, Clock, CancellationToken.None));
        Assert.That(attempts, Is.EqualTo(1));
    }
}
