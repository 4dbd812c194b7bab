using Chat.Infrastructure.Search;
using Hangfire;

namespace Chat.Infrastructure.Jobs;

/// <summary>Hangfire entry point for rebuilding the search index; a failed rebuild leaves the old index live and is not retried.</summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 3600)]
internal sealed class RebuildSearchIndexJob(SearchRebuild rebuild)
{
    public Task RunAsync(CancellationToken cancellationToken) => rebuild.RunAsync(cancellationToken);
}
