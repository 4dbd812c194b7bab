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
        try
        {
            recurringJobs.AddOrUpdate<RunHousekeepingJob>(
                RunHousekeepingJob.RecurringId,
                job => job.RunAsync(CancellationToken.None),
                options.Value.HousekeepingCron);
        }
        catch (ArgumentException e)
        {
            // Hangfire owns the cron parser, so this setting is checked when the job is scheduled.
            throw new OptionsValidationException(
                JobsOptions.Section,
                typeof(JobsOptions),
                [$"Jobs:HousekeepingCron '{options.Value.HousekeepingCron}' is not a valid cron expression ({e.Message})."]);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
