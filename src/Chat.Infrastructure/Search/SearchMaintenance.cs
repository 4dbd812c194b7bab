using Chat.Application.Search;
using Chat.Infrastructure.Jobs;
using Hangfire;

namespace Chat.Infrastructure.Search;

internal sealed class SearchMaintenance(IBackgroundJobClient jobs, LuceneIndex index, SearchRebuildProgress progress) : ISearchMaintenance
{
    public void RequestRebuild(DateTimeOffset at)
    {
        progress.Queued(at);
        jobs.Enqueue<RebuildSearchIndexJob>(job => job.RunAsync(CancellationToken.None));
    }

    public SearchIndexStatus Status() => new(index.DocumentCount, index.AppliedPosition, progress.Current);
}
