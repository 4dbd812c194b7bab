using System.Diagnostics;
using System.Globalization;

namespace Chat.Bench;

/// <summary>The app built in Release, started as its own process on loopback over a prepared data folder.</summary>
internal sealed class FanoutServer : IAsyncDisposable
{
    private const string Banner = "Chat.Enterprise is running at ";

    private readonly Process _process;
    private readonly Task _drain;

    private FanoutServer(Process process, string baseUrl, Task drain) => (_process, BaseUrl, _drain) = (process, baseUrl, drain);

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<FanoutServer> StartAsync(string dataPath, int clients, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Chat.Web/bin/Release/net10.0/Chat.Web.dll"));
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Storage__DataPath"] = dataPath;
        start.Environment["Messaging__SendsPerSecond"] = "100000";
        start.Environment["Api__MaxConnectionsPerUser"] = "4";
        start.Environment["Api__RequestsPerMinute"] = (clients * 100).ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(Banner, StringComparison.Ordinal))
            {
                var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
                return new FanoutServer(process, line[Banner.Length..].Split(',')[0].Trim(), drain);
            }
        }

        throw new InvalidOperationException($"The app did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>VmRSS and VmHWM of the server process, in kB.</summary>
    public (long Rss, long HighWaterMark) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Field(string name) => long.Parse(
            status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Field("VmRSS"), Field("VmHWM"));
    }

    /// <summary>CPU time the server process has used (user and system).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
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
