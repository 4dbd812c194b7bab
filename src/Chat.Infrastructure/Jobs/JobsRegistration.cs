using Chat.Infrastructure.Persistence;
using Hangfire;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Jobs;

internal static class JobsRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();

        // The database, not Hangfire, holds every workflow's state, so in-memory storage loses nothing
        // that the recurring sweeps cannot re-enqueue (docs/decisions/0003-hangfire-storage.md).
        services.AddHangfire((sp, configuration) =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (database.IsSqlServer)
            {
                configuration.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.Zero,
                });
            }
            else
            {
                configuration.UseInMemoryStorage();
            }
        });

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
