using Microsoft.Extensions.Logging;

namespace Chat.Launch;

/// <summary>
/// Hands each entry the app logs at or above a level to a callback, formatted, with its category and exception: how
/// the tests read what an operator would. Shared by the browser tests (a file) and the web tests (a list).
/// </summary>
internal sealed class CallbackLoggerProvider(LogLevel minimum, Action<LogLevel, string, string, Exception?> logged) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum, logged);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimum, Action<LogLevel, string, string, Exception?> logged) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logged(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
