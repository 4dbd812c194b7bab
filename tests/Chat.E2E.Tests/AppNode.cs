using System.Diagnostics;
using Chat.Launch;

namespace Chat.E2E.Tests;

/// <summary>
/// The built app as a process of its own on a loopback port, the way an operator runs a node: its own data folder
/// (search index), a shared database and the Redis the test command started.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
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
        var settings = new Dictionary<string, string>
        {
            ["Storage__DataPath"] = dataPath,
            ["Bootstrap__SeedDemoWorkspace"] = "true",
            ["RateLimits__LoginPerMinute"] = "1000",
            ["Jobs__WorkerCount"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (databasePath is not null)
        {
            settings["Database__ConnectionString"] = $"Data Source={databasePath}";
        }

        if (redis is not null)
        {
            settings["Redis__Connection"] = redis;
        }

        var process = AppLaunch.Start(typeof(Program).Assembly.Location, "Development", settings);
        var node = $"node {Path.GetFileName(dataPath)}";
        var (baseUrl, drain) = await AppLaunch.WaitForBannerAsync(process, TimeSpan.FromSeconds(90), line => FailureLog.Write(node, line));
        return new AppNode(process, baseUrl, drain);
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
