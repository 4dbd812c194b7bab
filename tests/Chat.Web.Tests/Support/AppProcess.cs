using System.Diagnostics;
using Chat.Launch;

namespace Chat.Web.Tests.Support;

/// <summary>Runs the built app as its own process, the way an operator starts it.</summary>
public static class AppProcess
{
    public sealed record Run(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Run> RunUntilExitAsync(IDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        using var process = Start(environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop by itself.");
        }

        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the app, returns what it printed up to and including <paramref name="lastLine"/>, then stops it.</summary>
    public static async Task<string> RunUntilPrintedAsync(
        IDictionary<string, string> environment, string lastLine, TimeSpan? timeout = null)
    {
        using var process = Start(environment);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var printed = new System.Text.StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                printed.AppendLine(line);
                if (line.Contains(lastLine, StringComparison.Ordinal))
                {
                    return printed.ToString();
                }
            }

            throw new InvalidOperationException($"The app exited without printing '{lastLine}':\n{printed}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static Process Start(IDictionary<string, string> environment) =>
        AppLaunch.Start(typeof(Program).Assembly.Location, "Production", environment);
}
