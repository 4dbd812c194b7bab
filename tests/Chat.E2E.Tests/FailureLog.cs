using Chat.Launch;
using Microsoft.Extensions.Logging;

namespace Chat.E2E.Tests;

/// <summary>
/// What the servers and browsers of the browser tests warned about, written to a file in the folder named by
/// CHAT_TEST_LOGS (the test command prints it when a test failed): a lost click or a dropped circuit on CI shows
/// there, and nowhere else. Without the variable nothing is written.
/// </summary>
internal static class FailureLog
{
    private static readonly string? FilePath = Environment.GetEnvironmentVariable("CHAT_TEST_LOGS") is { Length: > 0 } folder
        ? Path.Combine(Directory.CreateDirectory(folder).FullName, "e2e.log")
        : null;

    private static readonly Lock Writing = new();

    public static bool Enabled => FilePath is not null;

    public static void Write(string source, string text)
    {
        if (FilePath is null)
        {
            return;
        }

        lock (Writing)
        {
            File.AppendAllText(FilePath, $"{DateTime.UtcNow:HH:mm:ss.fff} {source} {text}{Environment.NewLine}");
        }
    }

    /// <summary>The app's warnings and errors, with their exceptions.</summary>
    public static ILoggerProvider ForApp(string source) =>
        new CallbackLoggerProvider(LogLevel.Warning, (level, category, message, exception) =>
            Write($"{source} {category}", $"{level}: {message}{(exception is null ? "" : $"\n{exception}")}"));
}
