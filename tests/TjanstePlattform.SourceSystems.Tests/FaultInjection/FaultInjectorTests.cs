using TjanstePlattform.SourceSystems.FaultInjection;

namespace TjanstePlattform.SourceSystems.Tests.FaultInjection;

/// <summary>How one call's fault is chosen: latency first, then at most one failure in a fixed order, each by its probability.</summary>
public class FaultInjectorTests
{
    private sealed class Dice(params double[] values) : IProbabilitySource
    {
        private readonly Queue<double> _values = new(values);

        public double NextDouble() => _values.Dequeue();
    }

    [Test]
    public void Latency_comes_with_the_first_failure_in_order_that_strikes()
    {
        var injector = new FaultInjector(new Dice(0.1, 0.9, 0.2));
        injector.Register("S", null);
        injector.Set("S", new FaultSettings
        {
            Latency = new LatencyFault { Milliseconds = 250, Probability = 0.5 },
            CloseConnection = new ProbabilityFault { Probability = 0.5 },
            HttpError = new HttpErrorFault { Probability = 0.5 },
            SoapFault = new SoapFaultFault { Probability = 1 },
        });

        var decision = injector.Decide("S");

        Assert.That(decision.Latency, Is.EqualTo(TimeSpan.FromMilliseconds(250)), "0.1 < 0.5");
        Assert.That(decision.Kind, Is.EqualTo(FaultKind.HttpError), "close: 0.9 misses, HTTP error: 0.2 strikes");
    }

    [Test]
    public void Probabilities_of_zero_and_one_need_no_dice_and_reset_returns_the_baseline()
    {
        var injector = new FaultInjector(new Dice());
        injector.Register("S", new FaultSettings { Latency = new LatencyFault { Milliseconds = 3000 } });
        injector.Set("S", new FaultSettings { MalformedXml = new ProbabilityFault { Probability = 1 }, CloseConnection = new ProbabilityFault { Probability = 0 } });

        var decision = injector.Decide("S");
        var baseline = injector.Reset("S");

        Assert.That(decision.Kind, Is.EqualTo(FaultKind.MalformedXml));
        Assert.That(decision.Latency, Is.EqualTo(TimeSpan.Zero));
        Assert.That(baseline.Latency!.Milliseconds, Is.EqualTo(3000));
        Assert.That(injector.Decide("UNKNOWN"), Is.EqualTo(FaultDecision.None));
    }
}
