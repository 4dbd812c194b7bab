using System.Collections.Concurrent;
using Chat.Launch;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Support;

/// <summary>Every entry the app logged, with its level and category, for tests of what operators would read.</summary>
public sealed class RecordedLogs
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public RecordedLogs() =>
        Provider = new CallbackLoggerProvider(LogLevel.Trace, (level, category, message, exception) =>
            _entries.Enqueue(new LogEntry(level, category, message, exception)));

    /// <summary>Add this to the app's logging to record what it logs.</summary>
    public ILoggerProvider Provider { get; }

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);
}
