using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TjanstePlattform.Host.Tests;

/// <summary>A logger provider that keeps every record (with its structured fields) and lets a test wait for one.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();
    private readonly SemaphoreSlim _written = new(0);

    public IReadOnlyCollection<LogRecord> Records => _records;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits until a record matches (signalled on every write, bounded by <paramref name="timeout"/>).</summary>
    public async Task<List<LogRecord>> WaitForAsync(Func<LogRecord, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _records.Where(match).ToList();
            if (found.Count > 0)
            {
                return found;
            }

            try
            {
                await _written.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    public void Dispose() => _written.Dispose();

    public sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields, Exception? Exception);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IReadOnlyList<KeyValuePair<string, object?>> list
                ? list.GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : new Dictionary<string, object?>();
            owner._records.Enqueue(new LogRecord(category, logLevel, eventId, formatter(state, exception), fields, exception));
            owner._written.Release();
        }
    }
}
