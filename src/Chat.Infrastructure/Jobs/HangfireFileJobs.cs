using Chat.Application.Files;
using Hangfire;

namespace Chat.Infrastructure.Jobs;

internal sealed class HangfireFileJobs(IBackgroundJobClient jobs) : IFileJobs
{
    public void EnqueueScan(Guid fileId) => jobs.Enqueue<ScanFileJob>(job => job.RunAsync(fileId, CancellationToken.None));
}
