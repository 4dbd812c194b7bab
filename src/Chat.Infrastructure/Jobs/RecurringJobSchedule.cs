using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Jobs;

/// <summary>The one place where recurring jobs are scheduled; later issues add their lines here.</summary>
internal sealed class RecurringJobSchedule(IRecurringJobManager recurringJobs, IOptions<JobsOptions> options)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<RunHousekeepingJob>(
            RunHousekeepingJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.HousekeepingCron);
        recurringJobs.AddOrUpdate<RequeuePendingScansJob>(
            RequeuePendingScansJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *");
        recurringJobs.AddOrUpdate<CleanUpFilesJob>(
            CleanUpFilesJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
