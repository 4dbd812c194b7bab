using Chat.Application;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Chat.Infrastructure.Tests;

/// <summary>The real Application and Infrastructure services over a SQLite file in a temp folder.</summary>
internal sealed class TestWorkspace : IAsyncDisposable
{
    private TestWorkspace(string root, ServiceProvider services)
    {
        Root = root;
        Services = services;
    }

    public string Root { get; }

    public ServiceProvider Services { get; }

    public string DatabasePath => Path.Combine(Root, "data", "chat.db");

    public static TestWorkspace Create(
        IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? replace = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "chat-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(root, environment))
            .AddApplication()
            .AddInfrastructure();
        replace?.Invoke(services);
        return new TestWorkspace(root, services.BuildServiceProvider(validateScopes: true));
    }

    public static async Task<TestWorkspace> InitializedAsync(
        IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? replace = null)
    {
        var workspace = Create(settings, environment, replace);
        await workspace.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return workspace;
    }

    /// <summary>A use case as the given user would call it, over the real stores.</summary>
    public THandler Handler<THandler>(string userId, params string[] roles)
        where THandler : notnull =>
        ActivatorUtilities.CreateInstance<THandler>(Services, (Chat.Application.Common.ICurrentActor)new FixedActor(userId, roles));

    public ChatDbContext NewContext() =>
        Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }

    private sealed class TestHostEnvironment(string root, string environment) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environment;

        public string ApplicationName { get; set; } = "Chat.Infrastructure.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
