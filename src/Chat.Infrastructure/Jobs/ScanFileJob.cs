using Chat.Application.Files.ScanFile;
using Hangfire;

namespace Chat.Infrastructure.Jobs;

/// <summary>
/// Hangfire entry point for one virus scan. While clamd is down the scan throws and Hangfire retries with growing
/// delays; the file stays pending (fail closed), and the recurring sweep re-queues any scan Hangfire has given up on.
/// </summary>
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 5, 10, 30, 60, 120, 300, 600, 900, 1800], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class ScanFileJob(ScanFile scan)
{
    public Task RunAsync(Guid fileId, CancellationToken cancellationToken) => scan.RunAsync(fileId, cancellationToken);
}
