using Chat.Application.Files.CleanUpFiles;
using Hangfire;

namespace Chat.Infrastructure.Jobs;

/// <summary>Hangfire entry point for the hourly sweep of abandoned uploads and orphaned bytes.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 3600)]
public sealed class CleanUpFilesJob(CleanUpFiles sweep)
{
    public const string RecurringId = "clean-up-files";

    public Task<FilesCleanedUp> RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
