using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Channels;

/// <summary>
/// Moves read cursors with group commit. Every reader of a busy channel moves their cursor within moments of the
/// others; one writer takes every move waiting and stores them with one update per channel and sequence and one
/// commit, instead of a context, a statement and a commit each. Each move is answered once the commit that stored it is
/// done; when a batch fails, each of its callers gets the failure (a tab keeps its read and saves it again with the
/// next one). Tabs save their cursors every few seconds each, so a thousand readers send a steady ~150 moves a second
/// rather than bursts: the writer gathers for <see cref="Gather"/> before each batch, or each move would be a batch of
/// one (a transaction, a member query and an update: 8 % of the server's CPU with 1,000 tabs reading a busy channel).
/// </summary>
internal sealed partial class ReadCursorWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 1024;

    /// <summary>How long a move may wait for others to share its write; reads are saved in the background.</summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly IDbContextFactory<ChatDbContext> _contexts;
    private readonly ILogger<ReadCursorWriter> _logger;
    private readonly GroupCommitQueue<PendingRead> _queue;

    public ReadCursorWriter(IDbContextFactory<ChatDbContext> contexts, ILogger<ReadCursorWriter> logger, TimeProvider clock)
    {
        (_contexts, _logger) = (contexts, logger);
        _queue = new GroupCommitQueue<PendingRead>(MaxBatch, WriteBatchAsync, Gather, clock);
    }

    /// <summary>
    /// Moves the member's cursor forward to <paramref name="sequence"/> (never back); answers false when the user is not
    /// a member. Cancelling stops the wait, not the write.
    /// </summary>
    public async Task<bool> MoveAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        var pending = new PendingRead(channelId, userId, sequence);
        if (!_queue.TryAdd(pending))
        {
            throw new ObjectDisposedException(nameof(ReadCursorWriter));
        }

        return await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _queue.DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteBatchAsync(List<PendingRead> batch)
    {
        try
        {
            var members = await WriteAsync(batch);
            batch.ForEach(read => read.Stored.TrySetResult(members.Contains((read.ChannelId, read.UserId))));
        }
        catch (Exception e)
        {
            LogBatchFailed(e, batch.Count);
            batch.ForEach(read => read.Stored.TrySetException(e));
        }
    }

    // Answers which of the readers are members: one query per channel, where the use case asked one per read.
    private async Task<HashSet<(Guid ChannelId, string UserId)>> WriteAsync(List<PendingRead> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();

        // SQL Server retries transient failures; a retry runs the whole transaction again.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();

            // Readers of a busy channel read up to the same newest message, so one statement per channel and sequence
            // moves most of a batch (without loading and tracking a row per reader); a cursor only ever moves forward,
            // and never past the channel's newest message, whatever a client claims to have read.
            var channelIds = batch.Select(read => read.ChannelId).Distinct().ToList();
            var newest = await db.Channels.Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LastSequence);
            var moves = batch
                .GroupBy(read => (read.ChannelId, read.UserId))
                .Select(reads => (reads.Key.ChannelId, reads.Key.UserId,
                    Sequence: Math.Min(reads.Max(read => read.Sequence), newest.GetValueOrDefault(reads.Key.ChannelId))))
                .GroupBy(move => (move.ChannelId, move.Sequence), move => move.UserId)
                .ToList();
            var members = new HashSet<(Guid ChannelId, string UserId)>();
            foreach (var channel in batch.GroupBy(read => read.ChannelId))
            {
                var userIds = channel.Select(read => read.UserId).Distinct().ToList();
                var found = await db.ChannelMembers.Where(m => m.ChannelId == channel.Key && userIds.Contains(m.UserId)).Select(m => m.UserId).ToListAsync();
                members.UnionWith(found.Select(userId => (channel.Key, userId)));
            }

            foreach (var move in moves)
            {
                var (channelId, sequence) = move.Key;
                var userIds = move.ToList();
                await db.ChannelMembers
                    .Where(m => m.ChannelId == channelId && userIds.Contains(m.UserId) && m.LastReadSequence < sequence)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSequence, sequence));
            }

            await transaction.CommitAsync();
            return members;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} read cursors failed; their readers save them again with their next read.")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record PendingRead(Guid ChannelId, string UserId, long Sequence)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
