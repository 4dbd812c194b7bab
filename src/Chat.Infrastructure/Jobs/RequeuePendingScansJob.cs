using Chat.Application.Files.RequeuePendingScans;
using Hangfire;

namespace Chat.Infrastructure.Jobs;

/// <summary>Hangfire entry point for the sweep that re-queues scans of files still pending.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class RequeuePendingScansJob(RequeuePendingScans sweep)
{
    public const string RecurringId = "requeue-pending-scans";

    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
