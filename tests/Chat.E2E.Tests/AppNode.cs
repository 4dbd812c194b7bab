using System.Diagnostics;

namespace Chat.E2E.Tests;

/// <summary>
/// The built app as a process of its own on a loopback port, the way an operator runs a node: its own data folder
/// (search index), a shared database and the Redis the test command started.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private const string Banner = "Chat.Enterprise is running at ";

    private readonly Process _process;
    private readonly Task _drain;

    private AppNode(Process process, string baseUrl, Task drain)
    {
        _process = process;
        BaseUrl = baseUrl;
        _drain = drain;
    }

    public string BaseUrl { get; }

    /// <param name="databasePath">A SQLite file shared with other nodes; null for the node's own in its data folder.</param>
    /// <param name="redis">Redis for several nodes; null for a single node.</param>
    public static async Task<AppNode> StartAsync(string dataPath, string? databasePath = null, string? redis = null)
    {
        var appPath = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [appPath])
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Storage__DataPath"] = dataPath;
        if (databasePath is not null)
        {
            start.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        }

        if (redis is not null)
        {
            start.Environment["Redis__Connection"] = redis;
        }

        start.Environment["Bootstrap__SeedDemoWorkspace"] = "true";
        start.Environment["RateLimits__LoginPerMinute"] = "1000";
        start.Environment["Jobs__WorkerCount"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start)!;
        var printed = new System.Text.StringBuilder();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                printed.AppendLine(line);
                if (line.StartsWith(Banner, StringComparison.Ordinal))
                {
                    // Keep reading what the node prints, or it blocks once the pipe is full.
                    var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
                    return new AppNode(process, line[Banner.Length..].Split(',')[0].Trim(), drain);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The node did not start:\n{printed}\n{await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Kills the node at once (SIGKILL): no shutdown, no flushing, as in a crash.</summary>
    public async Task CrashAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _drain;
        _process.Dispose();
    }
}
