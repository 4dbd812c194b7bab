using Chat.Infrastructure.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Jobs;

internal static class JobsRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();

        // Each host gets its own storage and activator as services. Hangfire's defaults are process-wide statics that
        // the last host to start overwrites, so a second host in one process (the test suites) would take over the
        // first one's jobs. The database, not Hangfire, holds every workflow's state, so in-memory storage loses
        // nothing that the recurring sweeps cannot re-enqueue (docs/decisions/0003-hangfire-storage.md).
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.IsSqlServer
                ? new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.Zero,
                })
                : new Hangfire.InMemory.InMemoryStorage();
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        services.AddHangfireServer((sp, server) =>
        {
            // Bound by hand: the host builds this before it validates options, and a bad value must
            // reach the operator as the validator's one-line message, not as a failed service build.
            var jobs = new JobsOptions();
            sp.GetRequiredService<IConfiguration>().GetSection(JobsOptions.Section).Bind(jobs);
            server.WorkerCount = Math.Clamp(jobs.WorkerCount, 1, 64);
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        services.AddHostedService<RecurringJobSchedule>();
        return services;
    }
}
