using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.E2E.Tests;

/// <summary>The real app on a loopback port with a fresh SQLite database, for a real browser.</summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "chat-e2e", Guid.NewGuid().ToString("N"));

    private readonly bool _seedDemoWorkspace;

    public AppServer(bool seedDemoWorkspace = false)
    {
        _seedDemoWorkspace = seedDemoWorkspace;
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseUrl = addresses.Addresses.First();
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:DataPath", _dataPath);
        builder.UseSetting("Bootstrap:SeedDemoWorkspace", _seedDemoWorkspace ? "true" : "false");
        builder.UseSetting("Jobs:WorkerCount", "1");
        if (FailureLog.Enabled)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(FailureLog.ForApp($"app {_dataPath[^6..]}")));
        }

        // Every browser signs in from 127.0.0.1; the per-address sign-in limit is tested on its own.
        builder.UseSetting("RateLimits:LoginPerMinute", "1000");

        // Uploads are scanned by the clamd the test command started.
        if (Environment.GetEnvironmentVariable("CHAT_TEST_CLAMD") is { Length: > 0 } clamd && clamd.Split(':') is [var host, var port])
        {
            builder.UseSetting("ClamAv:Enabled", "true");
            builder.UseSetting("ClamAv:Host", host);
            builder.UseSetting("ClamAv:Port", port);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
