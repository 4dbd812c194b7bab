using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chat.Infrastructure.Tests.Files;

/// <summary>
/// A real clamd on loopback: the one the test command started (CHAT_TEST_CLAMD), or one started here with the
/// project's script. Tests that stop clamd start a private one, so they never take it away from other tests.
/// </summary>
internal sealed class Clamd : IAsyncDisposable
{
    private readonly string? _dir;

    private Clamd(string host, int port, string? dir) => (Host, Port, _dir) = (host, port, dir);

    public string Host { get; }

    public int Port { get; }

    /// <summary>The EICAR test file, built from two halves so the repository never holds it.</summary>
    public static byte[] Eicar { get; } =
        System.Text.Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-" + "STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    public static async Task<Clamd> SharedAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CHAT_TEST_CLAMD");
        if (configured is { Length: > 0 } && configured.Split(':') is [var host, var port])
        {
            return new Clamd(host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), dir: null);
        }

        return await StartPrivateAsync();
    }

    /// <summary>A clamd of this test's own, on a free port, stopped when disposed.</summary>
    /// <param name="maxMegabytes">The largest stream it scans; default the app's own file limit (scripts/clamd.sh).</param>
    public static async Task<Clamd> StartPrivateAsync(int? maxMegabytes = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "chat-clamd", Guid.NewGuid().ToString("N"));
        var clamd = new Clamd("127.0.0.1", FreePort(), dir) { _maxMegabytes = maxMegabytes };
        try
        {
            await clamd.StartAsync();
            return clamd;
        }
        catch
        {
            // Whatever did start must not outlive the test run.
            await clamd.DisposeAsync();
            throw;
        }
    }

    private int? _maxMegabytes;

    public Task StartAsync() => _maxMegabytes is { } limit
        ? RunScriptAsync("start", _dir!, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : RunScriptAsync("start", _dir!, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StopAsync() => RunScriptAsync("stop", _dir!);

    public async ValueTask DisposeAsync()
    {
        if (_dir is not null)
        {
            await StopAsync();
            Directory.Delete(_dir, recursive: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "clamd.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/clamd.sh {string.Join(' ', arguments)} failed (is clamav-daemon installed? ./test.sh installs it): {output}");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chat.Enterprise.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Chat.Enterprise.sln not found above the test binaries.");
    }
}
