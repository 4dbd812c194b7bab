using Chat.Application.Housekeeping;
using Hangfire;

namespace Chat.Infrastructure.Jobs;

/// <summary>Hangfire entry point for the recurring workspace upkeep.</summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class RunHousekeepingJob(RunHousekeeping housekeeping)
{
    public const string RecurringId = "housekeeping";

    public Task RunAsync(CancellationToken cancellationToken) => housekeeping.RunAsync(cancellationToken);
}
