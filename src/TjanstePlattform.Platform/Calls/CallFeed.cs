using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TjanstePlattform.Platform;

/// <summary>The live-call feed: the most recent routed calls and aggregated fan-outs, in memory, bounded.</summary>
public interface ICallFeed
{
    /// <summary>False when the feed is switched off (<c>CallFeed:Enabled</c>): callers skip building records.</summary>
    bool Enabled { get; }

    /// <summary>Records a finished routed call; the sequence number is assigned here.</summary>
    void Add(Func<long, CallRecord> create);

    /// <summary>Records an aggregated call's fan-out.</summary>
    void AddFanOut(FanOut fanOut);

    /// <summary>Recent calls, newest first, after <paramref name="afterSequence"/>, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<CallRecord> Recent(Func<CallRecord, bool> filter, long afterSequence, int limit);

    /// <summary>Every retained call with the correlation id (an aggregated call and its branches share one), oldest first.</summary>
    IReadOnlyList<CallRecord> ByCorrelationId(string correlationId);

    /// <summary>The retained fan-outs with the correlation id.</summary>
    IReadOnlyList<FanOut> FanOutsOf(string correlationId);
}

/// <summary>Limits of the live-call feed (section <c>CallFeed</c>).</summary>
public sealed class CallFeedOptions
{
    public const string SectionName = "CallFeed";

    /// <summary>Off: nothing is recorded (the console's live view stays empty) and a routed call does no feed work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many routed calls are kept; the oldest is dropped first.</summary>
    public int Capacity { get; set; } = 1000;

    /// <summary>How many aggregated fan-outs are kept.</summary>
    public int FanOutCapacity { get; set; } = 200;

    /// <summary>Headers kept per call and direction; the rest are dropped.</summary>
    public int MaxHeaders { get; set; } = 40;

    /// <summary>Characters kept of one header value.</summary>
    public int MaxHeaderValueLength { get; set; } = 512;
}

public static class CallFeedExtensions
{
    /// <summary>Registers the one live-call feed (idempotent: the router, the aggregating services and the console each ask for it).</summary>
    public static IServiceCollection AddCallFeed(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ICallFeed)))
        {
            return services;
        }

        services.AddOptions<CallFeedOptions>().Bind(configuration.GetSection(CallFeedOptions.SectionName))
            .Validate(o => o.Capacity is > 0 and <= 1_000_000 && o.FanOutCapacity is > 0 and <= 100_000,
                "CallFeed:Capacity must be 1–1000000 and CallFeed:FanOutCapacity 1–100000.")
            .Validate(o => o.MaxHeaders is >= 0 and <= 1000 && o.MaxHeaderValueLength is >= 0 and <= 65536,
                "CallFeed:MaxHeaders must be 0–1000 and CallFeed:MaxHeaderValueLength 0–65536.")
            .ValidateOnStart();
        services.TryAddSingleton<ICallFeed, CallFeed>();
        return services;
    }

    /// <summary>The first <see cref="CallFeedOptions.MaxHeaders"/> headers, each value cut to the allowed length.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> BoundHeaders(
        this CallFeedOptions options, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers)
    {
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in headers)
        {
            if (kept.Count >= options.MaxHeaders)
            {
                break;
            }

            var value = values.ToString();
            kept.Add(new(name, value.Length <= options.MaxHeaderValueLength ? value : value[..options.MaxHeaderValueLength] + "…"));
        }

        return kept;
    }
}

/// <summary>Two rings under one lock each: adding is O(1), reading copies at most the capacity.</summary>
internal sealed class CallFeed(IOptions<CallFeedOptions> options) : ICallFeed
{
    private readonly CallRing _calls = new(options.Value.Capacity);
    private readonly Ring<FanOut> _fanOuts = new(options.Value.FanOutCapacity);
    private long _sequence;

    public bool Enabled { get; } = options.Value.Enabled;

    public void Add(Func<long, CallRecord> create)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_calls)
        {
            _calls.Add(create(++_sequence));
        }
    }

    public void AddFanOut(FanOut fanOut)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_fanOuts)
        {
            _fanOuts.Add(fanOut);
        }
    }

    public IReadOnlyList<CallRecord> Recent(Func<CallRecord, bool> filter, long afterSequence, int limit)
    {
        var found = new List<CallRecord>(Math.Min(limit, 256));
        lock (_calls)
        {
            foreach (var slot in _calls.NewestFirst())
            {
                if (slot.Sequence <= afterSequence || found.Count >= limit)
                {
                    break;
                }

                var call = slot.ToRecord();
                if (filter(call))
                {
                    found.Add(call);
                }
            }
        }

        return found;
    }

    public IReadOnlyList<CallRecord> ByCorrelationId(string correlationId)
    {
        var found = new List<CallRecord>();
        lock (_calls)
        {
            foreach (var slot in _calls.NewestFirst())
            {
                if (slot.HasCorrelationId(correlationId))
                {
                    found.Add(slot.ToRecord());
                }
            }
        }

        found.Reverse();
        return found;
    }

    public IReadOnlyList<FanOut> FanOutsOf(string correlationId)
    {
        var found = new List<FanOut>();
        lock (_fanOuts)
        {
            foreach (var fanOut in _fanOuts.NewestFirst())
            {
                if (string.Equals(fanOut.CorrelationId, correlationId, StringComparison.Ordinal))
                {
                    found.Add(fanOut);
                }
            }
        }

        found.Reverse();
        return found;
    }

    private sealed class Ring<T>(int capacity)
    {
        private readonly T[] _items = new T[capacity];
        private int _next;
        private int _count;

        public void Add(T item)
        {
            _items[_next] = item;
            _next = (_next + 1) % _items.Length;
            _count = Math.Min(_count + 1, _items.Length);
        }

        public IEnumerable<T> NewestFirst()
        {
            for (var i = 1; i <= _count; i++)
            {
                yield return _items[(_next - i + _items.Length) % _items.Length];
            }
        }
    }
}
