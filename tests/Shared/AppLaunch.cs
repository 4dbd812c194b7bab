using System.Diagnostics;
using System.Text;

namespace Chat.Launch;

/// <summary>
/// Starts the built app (Chat.Web.dll) as a process of its own on a free loopback port, the way an operator runs it,
/// and reads where it listens from its start-up banner. Shared by the tests and the benchmarks that need a real process.
/// </summary>
internal static class AppLaunch
{
    private const string Banner = "Chat.Enterprise is running at ";

    public static Process Start(string appPath, string environment, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var start = new ProcessStartInfo("dotnet", [appPath])
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// Reads what the app prints until its banner; returns the address it listens on and a task that keeps reading the
    /// rest (a full pipe would block the app), handing each later line to <paramref name="printedLater"/> if given.
    /// An app that exits or stays silent is killed and reported with its output.
    /// </summary>
    public static async Task<(string BaseUrl, Task Drain)> WaitForBannerAsync(Process process, TimeSpan timeout, Action<string>? printedLater = null)
    {
        var printed = new StringBuilder();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                printed.AppendLine(line);
                if (line.StartsWith(Banner, StringComparison.Ordinal))
                {
                    var drain = Task.WhenAll(ReadRestAsync(process.StandardOutput, printedLater), ReadRestAsync(process.StandardError, printedLater));
                    return (line[Banner.Length..].Split(',')[0].Trim(), drain);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The app did not start:\n{printed}\n{await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task ReadRestAsync(StreamReader output, Action<string>? printed)
    {
        if (printed is null)
        {
            await output.ReadToEndAsync();
            return;
        }

        while (await output.ReadLineAsync() is { } line)
        {
            printed(line);
        }
    }
}
