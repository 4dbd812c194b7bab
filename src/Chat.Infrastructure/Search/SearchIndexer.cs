using System.Text.RegularExpressions;
using Chat.Application.Search;
using Chat.Domain.Files;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Search;

/// <summary>
/// Keeps this node's index a projection of the database: follows the change feed from the position the index holds,
/// writes each changed message's current state (or removes it), and commits that position with the index every few
/// seconds. Applying a line twice is harmless, so a crash between applying and committing only repeats work.
/// </summary>
internal sealed partial class SearchIndexer(
    IDbContextFactory<ChatDbContext> contexts, LuceneIndex index, SearchRebuild rebuild, TimeProvider clock,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    public const int BatchSize = 1000;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(5);

    private readonly SortedSet<long> _recent = [];
    private bool _checkedDatabase;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCommit = clock.GetTimestamp();
        try
        {
            while (true)
            {
                try
                {
                    // A first start, or an index written by an earlier version: built from the messages themselves
                    // (the feed only begins where search began), while searches use what there is.
                    if (index.NeedsRebuild)
                    {
                        await rebuild.RunAsync(stoppingToken);
                    }

                    var applied = await CatchUpAsync(stoppingToken);
                    if (clock.GetElapsedTime(lastCommit) >= CommitEvery)
                    {
                        index.Commit();
                        lastCommit = clock.GetTimestamp();
                    }

                    await Task.Delay(applied == 0 ? Poll : TimeSpan.Zero, clock, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                    await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            index.Commit();
        }
    }

    /// <summary>
    /// How far behind its position the indexer looks again for lines it has not applied. SQL Server hands out identity
    /// values before commit, so with concurrent writers a line can become visible behind a position already passed;
    /// SQLite has a single writer and needs none.
    /// </summary>
    internal int LookBack { get; set; } = -1;

    /// <summary>Applies every feed line not yet applied; returns how many lines it applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await StartOverIfTheDatabaseIsNewAsync(cancellationToken);
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (LookBack < 0)
            {
                LookBack = db.Database.IsSqlServer() ? 500 : 0;
            }

            var from = Math.Max(0, index.AppliedPosition - LookBack);
            var read = BatchSize + _recent.Count;
            var lines = (await db.SearchFeed.AsNoTracking()
                    .Where(e => e.Position > from).OrderBy(e => e.Position).Take(read)
                    .ToListAsync(cancellationToken))
                .Where(l => l.Position > index.AppliedPosition || !_recent.Contains(l.Position))
                .ToList();
            if (lines.Count > 0)
            {
                var ids = lines.Select(l => l.MessageId).Distinct().ToList();
                var current = await LoadAsync(db, ids, cancellationToken);
                index.Apply(current, [.. ids.Except(current.Select(m => m.Id))], Math.Max(index.AppliedPosition, lines[^1].Position));
                Remember(lines);
                total += lines.Count;
            }

            if (lines.Count < BatchSize)
            {
                index.Refresh();
                return total;
            }
        }
    }

    /// <summary>Keeps the positions applied within the look-back window, so a late line is applied once.</summary>
    private void Remember(List<SearchFeedEntry> lines)
    {
        if (LookBack == 0)
        {
            return;
        }

        _recent.UnionWith(lines.Select(l => l.Position));
        _recent.RemoveWhere(position => position <= index.AppliedPosition - LookBack);
    }

    /// <summary>
    /// An index ahead of the feed belongs to a database that was replaced (a restored backup, a fresh demo): it is
    /// emptied and rebuilt from the feed rather than left showing messages that are no longer there.
    /// </summary>
    private async Task StartOverIfTheDatabaseIsNewAsync(CancellationToken cancellationToken)
    {
        if (_checkedDatabase || index.AppliedPosition == 0)
        {
            _checkedDatabase = true;
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applied = index.AppliedPosition;
        if (!await db.SearchFeed.AnyAsync(e => e.Position >= applied, cancellationToken))
        {
            LogStartingOver(applied);
            index.Clear();
        }

        _checkedDatabase = true;
    }

    /// <summary>The messages as searches should see them now; deleted ones are left out (and so removed).</summary>
    internal static async Task<List<IndexedMessage>> LoadAsync(ChatDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.DeletedAt == null)
            .Select(m => new { m.Id, m.ChannelId, m.SenderId, m.Version, m.CreatedAt, m.Body, m.PinnedAt, m.ThreadRootId })
            .ToListAsync(cancellationToken);
        var files = (await db.Files.AsNoTracking()
                .Where(f => f.MessageId != null && ids.Contains(f.MessageId.Value) && f.DeletedAt == null)
                .Select(f => new { MessageId = f.MessageId!.Value, f.OriginalName, f.ContentType })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.MessageId);
        var roots = (await db.Messages.AsNoTracking()
                .Where(m => m.ThreadRootId != null && ids.Contains(m.ThreadRootId.Value))
                .Select(m => m.ThreadRootId!.Value).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();
        return messages.ConvertAll(m =>
        {
            var shared = files[m.Id].ToList();
            var flags = new HashSet<SearchFlag>();
            if (shared.Count > 0)
            {
                flags.Add(SearchFlag.HasFile);
            }

            if (shared.Any(f => FileKinds.Of(f.ContentType) == FileKind.Image))
            {
                flags.Add(SearchFlag.HasImage);
            }

            if (Link().IsMatch(m.Body))
            {
                flags.Add(SearchFlag.HasLink);
            }

            if (m.ThreadRootId is not null || roots.Contains(m.Id))
            {
                flags.Add(SearchFlag.IsThread);
            }

            if (m.PinnedAt is not null)
            {
                flags.Add(SearchFlag.IsPinned);
            }

            return new IndexedMessage(
                m.Id, m.ChannelId, m.SenderId, m.Version, m.CreatedAt, Markdig.Markdown.ToPlainText(m.Body).Trim(),
                [.. shared.Select(f => f.OriginalName)], flags);
        });
    }

    [GeneratedRegex(@"https?://\S", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index had applied feed position {Position}, which this database does not have: rebuilding it")]
    private partial void LogStartingOver(long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the search index failed; trying again in 5 seconds")]
    private partial void LogFailed(Exception exception);
}
