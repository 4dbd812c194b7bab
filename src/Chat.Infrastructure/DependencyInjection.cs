using Chat.Application.Audit;
using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Diagnostics;
using Chat.Application.Events;
using Chat.Application.Files;
using Chat.Application.Housekeeping;
using Chat.Application.Messages;
using Chat.Application.Presence;
using Chat.Application.Search;
using Chat.Application.Threads;
using Chat.Application.Tokens;
using Chat.Infrastructure.Audit;
using Chat.Infrastructure.Channels;
using Chat.Infrastructure.Demo;
using Chat.Infrastructure.Events;
using Chat.Infrastructure.Files;
using Chat.Infrastructure.Housekeeping;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Jobs;
using Chat.Infrastructure.Messages;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Presence;
using Chat.Infrastructure.Search;
using Chat.Infrastructure.Threads;
using Chat.Infrastructure.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the implementations of the Application ports, chosen by configuration.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BootstrapOptions>, BootstrapOptionsValidator>();

        services.AddPersistence();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.AddChatIdentity();
        services.AddJobs();

        services.AddSingleton<ReadCursorWriter>();
        services.AddSingleton<IChannelStore, ChannelStore>();
        services.AddSingleton<MessageReader>();
        services.AddSingleton<MessageWriter>();
        services.AddSingleton<IMessageStore, MessageStore>();
        services.AddSingleton<IThreadStore, ThreadStore>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<ClusterPresence>();
        services.AddSingleton<IPresence>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.IsEnabled
            ? sp.GetRequiredService<ClusterPresence>()
            : sp.GetRequiredService<PresenceTracker>());
        services.AddOptions<ClamAvOptions>().BindConfiguration(ClamAvOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClamAvOptions>, ClamAvOptionsValidator>();
        services.AddSingleton<ClamdClient>();
        services.AddSingleton<UnscannedFiles>();
        services.AddSingleton<IVirusScanner>(sp => sp.GetRequiredService<IOptions<ClamAvOptions>>().Value.Enabled
            ? sp.GetRequiredService<ClamdClient>()
            : sp.GetRequiredService<UnscannedFiles>());
        services.AddSingleton<IFileStore, LocalDiskFileStore>();
        services.AddSingleton<IImagePreviews, ImageSharpPreviews>();
        services.AddSingleton<IFileRecords, FileRecords>();
        services.AddSingleton<IFileJobs, HangfireFileJobs>();
        services.AddScoped<ScanFileJob>();
        services.AddScoped<RequeuePendingScansJob>();
        services.AddScoped<CleanUpFilesJob>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IAccessTokenStore, AccessTokenStore>();
        services.AddSingleton<IServerDiagnostics, ProcessDiagnostics>();
        services.AddSingleton<LuceneIndex>();
        services.AddSingleton<ISearchIndex, LuceneSearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<SearchRebuildProgress>();
        services.AddSingleton<SearchRebuild>();
        services.AddSingleton<ISearchMaintenance, SearchMaintenance>();
        services.AddScoped<RebuildSearchIndexJob>();
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FilesOptions>, FilesOptionsValidator>();
        services.AddSingleton<IFileLimits, ConfiguredFileLimits>();
        services.AddHealthChecks().AddCheck<ClamdHealthCheck>("clamd", tags: ["ready"]);
        services.AddSingleton<IMessageFormatter, MarkdownFormatter>();
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddSingleton<IRateLimits, RateLimits>();
        services.AddSingleton<InProcessChatEvents>();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisChatEvents>();
        services.AddSingleton<IChatEvents>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.IsEnabled
            ? sp.GetRequiredService<RedisChatEvents>()
            : sp.GetRequiredService<InProcessChatEvents>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        services.AddScoped<IDatabaseMaintenance, DatabaseMaintenance>();
        services.AddScoped<RunHousekeepingJob>();
        services.AddScoped<DemoWorkspaceSeeder>();
        return services;
    }
}
