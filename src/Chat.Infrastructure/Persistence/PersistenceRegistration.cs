using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Persistence;

internal static class PersistenceRegistration
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddPooledDbContextFactory<SqliteChatDbContext>((sp, options) =>
            options.UseSqlite(SqliteConnectionString(sp)).AddInterceptors(new SqliteBusyTimeout()));
        services.AddPooledDbContextFactory<SqlServerChatDbContext>((sp, options) =>
            options.UseSqlServer(
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
                sql => sql.EnableRetryOnFailure()));

        services.AddSingleton<IDbContextFactory<ChatDbContext>>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsSqlServer
                ? new ProviderContextFactory<SqlServerChatDbContext>(
                    sp.GetRequiredService<IDbContextFactory<SqlServerChatDbContext>>())
                : new ProviderContextFactory<SqliteChatDbContext>(
                    sp.GetRequiredService<IDbContextFactory<SqliteChatDbContext>>()));

        // Identity's stores want a scoped context; Blazor components use the factory instead.
        services.AddScoped<ChatDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddDbContextCheck<ChatDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static string SqliteConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataPath = services.GetRequiredService<IOptions<StorageOptions>>().Value
            .ResolveDataPath(services.GetRequiredService<IHostEnvironment>());
        return $"Data Source={Path.Combine(dataPath, "chat.db")}";
    }
}
