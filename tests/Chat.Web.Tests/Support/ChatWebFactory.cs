using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Chat.Web.Tests.Support;

/// <summary>The real app over a fresh SQLite file in a temp folder, served through the test server.</summary>
public sealed class ChatWebFactory : WebApplicationFactory<Program>
{
    /// <summary>The app's data folder (SQLite database), unique to this factory.</summary>
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "chat-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Settings applied on top of appsettings; change them before the first client is created.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Bootstrap:SeedDemoWorkspace"] = "false",
        ["RateLimits:LoginPerMinute"] = "1000",
        ["Jobs:WorkerCount"] = "1",
    };

    public string Environment { get; set; } = "Development";

    /// <summary>What the app logged, as the app's own logging filters let it through.</summary>
    public RecordedLogs Logs { get; } = new();

    private bool _onLoopback;

    /// <summary>Serves the app on a real loopback socket (for SignalR clients) and returns its address.</summary>
    public string StartOnLoopback()
    {
        _onLoopback = true;
        UseKestrel();
        StartServer();
        return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public BrowserClient CreateBrowser(string baseAddress = "http://localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(baseAddress),
        }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (_onLoopback)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs.Provider));
        builder.UseSetting("Storage:DataPath", DataPath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
