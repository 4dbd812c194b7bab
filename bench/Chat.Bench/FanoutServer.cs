using System.Diagnostics;
using System.Globalization;
using Chat.Launch;

namespace Chat.Bench;

/// <summary>The app built in Release, started as its own process on loopback over a prepared data folder.</summary>
internal sealed class FanoutServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drain;

    private FanoutServer(Process process, string baseUrl, Task drain) => (_process, BaseUrl, _drain) = (process, baseUrl, drain);

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<FanoutServer> StartAsync(string dataPath, int clients, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Chat.Web/bin/Release/net10.0/Chat.Web.dll"));
        var environment = new Dictionary<string, string>
        {
            ["Storage__DataPath"] = dataPath,
            ["Messaging__SendsPerSecond"] = "100000",
            ["Api__MaxConnectionsPerUser"] = "4",
            ["Api__RequestsPerMinute"] = (clients * 100).ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var process = AppLaunch.Start(app, "Production", environment);
        var (baseUrl, drain) = await AppLaunch.WaitForBannerAsync(process, TimeSpan.FromSeconds(120));
        return new FanoutServer(process, baseUrl, drain);
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
