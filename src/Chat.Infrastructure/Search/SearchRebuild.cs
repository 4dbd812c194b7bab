using Chat.Application.Search;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Search;

/// <summary>
/// Builds this node's index again from the messages table into a new generation, channel by channel in sequence
/// order, then makes it live at the feed position read before copying: the indexer then applies whatever changed
/// during the copy. Searches use the old generation until the switch.
/// </summary>
internal sealed partial class SearchRebuild(
    IDbContextFactory<ChatDbContext> contexts, LuceneIndex index, SearchRebuildProgress progress, TimeProvider clock,
    ILogger<SearchRebuild> logger)
{
    private const int BatchSize = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Not disposed here once activated: it is then the live index.
        var next = index.StartGeneration();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var startPosition = await db.SearchFeed.MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
            progress.Started(await db.Messages.LongCountAsync(m => m.DeletedAt == null, cancellationToken));
            foreach (var channelId in await db.Channels.Select(c => c.Id).ToListAsync(cancellationToken))
            {
                await CopyChannelAsync(next, channelId, cancellationToken);
            }

            index.Activate(next, startPosition);
            progress.Finished(clock.GetUtcNow());
            LogRebuilt(index.DocumentCount);
        }
        catch (Exception e)
        {
            progress.Failed(clock.GetUtcNow(), e.Message);
            LogFailed(e);
            next.Dispose();
            Directory.Delete(next.Path, recursive: true);
            throw;
        }
    }

    private async Task CopyChannelAsync(IndexGeneration next, Guid channelId, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var page = await db.Messages.AsNoTracking()
                .Where(m => m.ChannelId == channelId && m.Sequence > after)
                .OrderBy(m => m.Sequence).Take(BatchSize)
                .Select(m => new { m.Id, m.Sequence })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            var messages = await SearchIndexer.LoadAsync(db, page.ConvertAll(m => m.Id), cancellationToken);
            next.Apply(messages, [], position: 0);
            progress.Copied(messages.Count);
            after = page[^1].Sequence;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The search index was rebuilt: {Documents} messages")]
    private partial void LogRebuilt(int documents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the search index failed; the old index stays in use")]
    private partial void LogFailed(Exception exception);
}

/// <summary>The latest rebuild on this node, as the admin page shows it.</summary>
internal sealed class SearchRebuildProgress
{
    private readonly System.Threading.Lock _gate = new();
    private RebuildProgress? _current;

    public RebuildProgress? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Queued(DateTimeOffset at) => Set(_ => new RebuildProgress(RebuildState.Queued, 0, 0, at, null, null));

    public void Started(long total) => Set(p => p with { State = RebuildState.Running, Total = total });

    public void Copied(int count) => Set(p => p with { Done = p.Done + count });

    public void Finished(DateTimeOffset at) => Set(p => p with { State = RebuildState.Finished, FinishedAt = at });

    public void Failed(DateTimeOffset at, string reason) => Set(p => p with { State = RebuildState.Failed, FinishedAt = at, Failure = reason });

    // A rebuild started without being queued here (another node queued the job) still reports.
    private void Set(Func<RebuildProgress, RebuildProgress> change)
    {
        lock (_gate)
        {
            _current = change(_current ?? new RebuildProgress(RebuildState.Queued, 0, 0, DateTimeOffset.UtcNow, null, null));
        }
    }
}
