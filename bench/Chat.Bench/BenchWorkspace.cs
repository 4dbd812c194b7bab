using Chat.Application;
using Chat.Application.Common;
using Chat.Infrastructure;
using Chat.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Chat.Bench;

/// <summary>The real Application and Infrastructure services over a fresh SQLite file in a temp folder.</summary>
internal sealed class BenchWorkspace : IAsyncDisposable
{
    private readonly string _root;

    private BenchWorkspace(string root, ServiceProvider services) => (_root, Services) = (root, services);

    public ServiceProvider Services { get; }

    /// <summary>The data folder: the SQLite database, files and the search index.</summary>
    public string DataPath => Path.Combine(_root, "data");

    public static async Task<BenchWorkspace> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bootstrap:SeedDemoWorkspace"] = "true",
            ["Messaging:SendsPerSecond"] = "100000000",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var root = Path.Combine(Path.GetTempPath(), "chat-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new Environment(root))
            .AddApplication()
            .AddInfrastructure();
        var workspace = new BenchWorkspace(root, services.BuildServiceProvider());
        await workspace.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return workspace;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "Chat.Bench";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

internal sealed class FixedActor(string userId) : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new Actor(userId, new HashSet<string>()));
}
