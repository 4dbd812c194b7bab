using Chat.Infrastructure.Demo;
using Chat.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Persistence;

/// <summary>
/// Brings the database up to date at start-up, before the app serves requests: migrations, roles,
/// the configured admin, demo data.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    IOptions<StorageOptions> storage,
    IOptions<BootstrapOptions> bootstrap,
    IHostEnvironment environment) : IHostedService
{
    /// <summary>The demo accounts, when this start-up runs on a demo workspace; empty otherwise.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken) =>
        DemoAccounts = await InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Safe to run more than once; returns the demo accounts when the workspace has them.</summary>
    public async Task<IReadOnlyList<DemoAccount>> InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!database.Value.IsSqlServer)
        {
            Directory.CreateDirectory(storage.Value.ResolveDataPath(environment));
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        await accounts.EnsureRolesAsync();

        var admin = bootstrap.Value;
        if (!string.IsNullOrWhiteSpace(admin.AdminEmail) && !string.IsNullOrWhiteSpace(admin.AdminPassword))
        {
            await accounts.EnsureAdministratorAsync(admin.AdminEmail, admin.AdminPassword);
        }

        // Demo data is for trying the app out; a production workspace never gets invented users.
        if (admin.SeedDemoWorkspace && !environment.IsProduction())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoWorkspaceSeeder>();
            return await seeder.SeedAsync(cancellationToken);
        }

        return [];
    }
}
