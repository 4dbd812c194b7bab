using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> section: the background job server of this node.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Worker threads on this node (default 4).</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>When housekeeping runs, as a cron expression in UTC (default 03:15 daily).</summary>
    public string HousekeepingCron { get; set; } = "15 3 * * *";
}

internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        if (options.WorkerCount is < 1 or > 64)
        {
            return ValidateOptionsResult.Fail("Jobs:WorkerCount must be between 1 and 64.");
        }

        // Cronos is the parser Hangfire uses for recurring schedules.
        return Cronos.CronExpression.TryParse(options.HousekeepingCron, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Jobs:HousekeepingCron '{options.HousekeepingCron}' is not a valid cron expression.");
    }
}
