using Chat.Application;
using Chat.Application.Common;
using Chat.Application.Tokens.CreateAccessToken;
using Chat.Domain.Users;
using Chat.Infrastructure;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Chat.E2E.Tests;

/// <summary>Access tokens made through the real use case against a node's database, for API clients of a test.</summary>
public static class NodeTokens
{
    public static async Task<string> CreateAsync(string databasePath, string email)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={databasePath}",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment(Path.GetDirectoryName(databasePath)!))
            .AddApplication()
            .AddInfrastructure()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        var create = ActivatorUtilities.CreateInstance<CreateAccessTokenHandler>(
            scope.ServiceProvider, (ICurrentActor)new TestActor(new Actor(userId, new HashSet<string> { WorkspaceRoles.Member })));
        return (await create.HandleAsync(new CreateAccessToken("crash test"))).Value.Secret;
    }

    private sealed class TestActor(Actor actor) : ICurrentActor
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "Chat.E2E.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
