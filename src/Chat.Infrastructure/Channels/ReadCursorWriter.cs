using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Channels;

/// <summary>
/// Moves read cursors with group commit. Every reader of a busy channel moves their cursor within moments of the
/// others; one writer takes every move waiting and stores them with one query per channel and one commit, instead of
/// a context, a statement and a commit each. Each move is answered once the commit that stored it is done; when a batch
/// fails, each of its callers gets the failure (a tab keeps its read and saves it again with the next one).
/// </summary>
internal sealed partial class ReadCursorWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 1024;

    private readonly IDbContextFactory<ChatDbContext> _contexts;
    private readonly ILogger<ReadCursorWriter> _logger;
    private readonly GroupCommitQueue<PendingRead> _queue;

    public ReadCursorWriter(IDbContextFactory<ChatDbContext> contexts, ILogger<ReadCursorWriter> logger)
    {
        (_contexts, _logger) = (contexts, logger);
        _queue = new GroupCommitQueue<PendingRead>(MaxBatch, WriteBatchAsync);
    }

    /// <summary>Moves the member's cursor forward to <paramref name="sequence"/> (never back). Cancelling stops the wait, not the write.</summary>
    public async Task MoveAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        var pending = new PendingRead(channelId, userId, sequence);
        if (!_queue.TryAdd(pending))
        {
            throw new ObjectDisposedException(nameof(ReadCursorWriter));
        }

        await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _queue.DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteBatchAsync(List<PendingRead> batch)
    {
        try
        {
            await WriteAsync(batch);
            batch.ForEach(read => read.Stored.TrySetResult());
        }
        catch (Exception e)
        {
            LogBatchFailed(e, batch.Count);
            batch.ForEach(read => read.Stored.TrySetException(e));
        }
    }

    private async Task WriteAsync(List<PendingRead> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();

        // SQL Server retries transient failures; a retry loads and moves the cursors again from a clean slate.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            foreach (var channel in batch.GroupBy(read => read.ChannelId))
            {
                var newest = channel.GroupBy(read => read.UserId).ToDictionary(reads => reads.Key, reads => reads.Max(read => read.Sequence));
                var userIds = newest.Keys.ToList();
                var members = await db.ChannelMembers
                    .Where(m => m.ChannelId == channel.Key && userIds.Contains(m.UserId))
                    .ToListAsync();
                members.ForEach(member => member.Read(newest[member.UserId]));
            }

            await db.SaveChangesAsync();
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} read cursors failed; their readers save them again with their next read.")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record PendingRead(Guid ChannelId, string UserId, long Sequence)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
