namespace TjanstePlattform.Platform;

/// <summary>
/// The retained routed calls, each copied into a slot whose buffers the ring reuses. A call stays in the feed for a
/// while — long enough to outlive the young generations of the GC — so retaining the record objects themselves sent
/// every call's strings and lists into the oldest generation, to die there: full collections and a router p99 of 1.6×
/// the bare hop. Copied into reused buffers, recording a call leaves nothing behind; a read builds the records it returns.
/// Not thread-safe: the feed locks around it.
/// </summary>
internal sealed class CallRing(int capacity)
{
    private readonly CallSlot?[] _slots = new CallSlot?[capacity];
    private int _next;
    private int _count;

    public void Add(CallRecord call)
    {
        var slot = _slots[_next] ??= new CallSlot();
        slot.Store(call);
        _next = (_next + 1) % _slots.Length;
        _count = Math.Min(_count + 1, _slots.Length);
    }

    public IEnumerable<CallSlot> NewestFirst()
    {
        for (var i = 1; i <= _count; i++)
        {
            yield return _slots[(_next - i + _slots.Length) % _slots.Length]!;
        }
    }
}

/// <summary>One retained call: its numbers, and its texts one after the other in one reused character buffer.</summary>
internal sealed class CallSlot
{
    // CorrelationId, Sender, Receiver, Contract, Result, ProducerAddress, TraceId, then the headers' names and values.
    private const int FixedTexts = 7;

    private char[] _text = new char[1024];
    private int _length;
    private readonly List<(int Start, int Length)> _parts = new(FixedTexts + 32);
    private int _requestHeaders;
    private int _responseHeaders;
    private DateTimeOffset _time;
    private int _status;
    private double _durationMs;
    private double? _producerMs;

    public long Sequence { get; private set; }

    public void Store(CallRecord call)
    {
        // A slot that once held a call with very long headers gives the memory back when it holds an ordinary one again.
        var needed = Length(call);
        if (_text.Length > 8192 && _text.Length > 4 * needed)
        {
            _text = new char[Math.Max(1024, needed)];
        }

        _length = 0;
        _parts.Clear();
        Sequence = call.Sequence;
        _time = call.Time;
        _status = call.HttpStatus;
        _durationMs = call.DurationMs;
        _producerMs = call.ProducerMs;
        Append(call.CorrelationId);
        Append(call.Sender);
        Append(call.Receiver);
        Append(call.Contract);
        Append(call.Result);
        Append(call.ProducerAddress);
        Append(call.TraceId);
        _requestHeaders = AppendHeaders(call.RequestHeaders);
        _responseHeaders = AppendHeaders(call.ResponseHeaders);
    }

    /// <summary>Compares without building the record (the console looks calls up by correlation id).</summary>
    public bool HasCorrelationId(string correlationId) => Span(0).SequenceEqual(correlationId);

    public CallRecord ToRecord() => new(
        Sequence,
        _time,
        Text(0) ?? string.Empty,
        Text(1),
        Text(2),
        Text(3),
        Text(4) ?? string.Empty,
        _status,
        _durationMs,
        _producerMs,
        Text(5),
        Text(6),
        Headers(FixedTexts, _requestHeaders),
        Headers(FixedTexts + 2 * _requestHeaders, _responseHeaders));

    private static int Length(CallRecord call)
    {
        var length = (call.CorrelationId?.Length ?? 0) + (call.Sender?.Length ?? 0) + (call.Receiver?.Length ?? 0) + (call.Contract?.Length ?? 0)
            + (call.Result?.Length ?? 0) + (call.ProducerAddress?.Length ?? 0) + (call.TraceId?.Length ?? 0);
        foreach (var (name, value) in call.RequestHeaders)
        {
            length += name.Length + value.Length;
        }

        foreach (var (name, value) in call.ResponseHeaders)
        {
            length += name.Length + value.Length;
        }

        return length;
    }

    private int AppendHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            Append(name);
            Append(value);
        }

        return headers.Count;
    }

    private void Append(string? text)
    {
        if (text is null)
        {
            _parts.Add((-1, 0));
            return;
        }

        if (_length + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + text.Length));
        }

        text.CopyTo(_text.AsSpan(_length));
        _parts.Add((_length, text.Length));
        _length += text.Length;
    }

    private ReadOnlySpan<char> Span(int part) => _parts[part].Start < 0 ? default : _text.AsSpan(_parts[part].Start, _parts[part].Length);

    private string? Text(int part) => _parts[part].Start < 0 ? null : new string(Span(part));

    private KeyValuePair<string, string>[] Headers(int first, int count)
    {
        var headers = new KeyValuePair<string, string>[count];
        for (var i = 0; i < count; i++)
        {
            headers[i] = new(Text(first + 2 * i) ?? string.Empty, Text(first + 2 * i + 1) ?? string.Empty);
        }

        return headers;
    }
}
