using Chat.Application.Messages;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Messages;

/// <summary>
/// Stores new messages with group commit: one writer takes every send waiting and stores them in one transaction,
/// so a burst of sends shares one commit (and one fsync) instead of queueing for one each. Each send is still
/// answered only after the commit that made it durable, and a batch that fails is retried one send at a time,
/// so one bad send never takes others down with it. The writer keeps one context (and connection) between batches
/// and does nothing but write: reading the stored message back is left to each sender, in parallel.
/// </summary>
internal sealed partial class MessageWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 256;

    private ChatDbContext? _db;
    private readonly IDbContextFactory<ChatDbContext> _contexts;
    private readonly ILogger<MessageWriter> _logger;
    private readonly GroupCommitQueue<PendingSend> _queue;

    public MessageWriter(IDbContextFactory<ChatDbContext> contexts, ILogger<MessageWriter> logger)
    {
        (_contexts, _logger) = (contexts, logger);
        _queue = new GroupCommitQueue<PendingSend>(MaxBatch, WriteBatchAsync);
    }

    /// <summary>
    /// Stores the message, or finds the one this sender already sent with its client message id; answers it as stored,
    /// whether it is new, and for a new one its sender's display name. Cancelling stops the wait, not the write: a retry with the same client message id then
    /// finds the stored message.
    /// </summary>
    public async Task<(Message Message, bool Created, string? SenderName)> AppendAsync(NewMessage message, CancellationToken cancellationToken)
    {
        var pending = new PendingSend(message);
        if (!_queue.TryAdd(pending))
        {
            throw new ObjectDisposedException(nameof(MessageWriter));
        }

        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking sends and finishes the ones waiting.</summary>
    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteBatchAsync(List<PendingSend> batch)
    {
        try
        {
            await WriteAsync(batch, findRepeats: false);
        }
        catch (Exception e)
        {
            // A retried send hit the unique index, or one send cannot be stored: go one by one, each checked.
            if (e is not DbUpdateException)
            {
                LogBatchFailed(e, batch.Count);
            }

            await ResetAsync();
            foreach (var single in batch)
            {
                await WriteOneAsync(single);
            }
        }
    }

    private async Task WriteOneAsync(PendingSend send)
    {
        try
        {
            await WriteAsync([send], findRepeats: true);
        }
        catch (Exception e)
        {
            await ResetAsync();
            send.Result.TrySetException(e);
        }
    }

    // The writer only adds rows and changes followers it detects itself: scanning every tracked entity on each Add
    // would cost more than the insert.
    private async Task<ChatDbContext> CreateContextAsync()
    {
        var db = await _contexts.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    /// <summary>After a failure the context may hold half a batch or a broken connection: start over with a new one.</summary>
    private async Task ResetAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
            _db = null;
        }
    }

    private async Task WriteAsync(List<PendingSend> batch, bool findRepeats)
    {
        var db = _db ??= await CreateContextAsync();

        // Retries are rare: a batch relies on the unique index to catch one, and is then stored one send at a time,
        // each checked first.
        var (fresh, repeats) = findRepeats ? await SeparateRepeatsAsync(db, batch) : (batch, []);
        var created = new Dictionary<PendingSend, Message>();
        if (fresh.Count > 0)
        {
            // SQL Server retries transient failures; a retry starts the whole transaction again from a clean slate.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                created.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var next = await ReserveSequencesAsync(db, fresh);
                foreach (var send in fresh)
                {
                    var sequence = next[send.Message.ChannelId]++;
                    var posted = await NewMessageRows.CreateAsync(db, send.Message, sequence);
                    db.Messages.Add(posted);
                    db.MessageMentions.AddRange(send.Message.MentionedUserIds
                        .Select(userId => new MessageMention(posted.Id, userId, posted.ChannelId, sequence)));
                    if (posted.ThreadRootId is { } rootId)
                    {
                        await NewMessageRows.FollowRepliedThreadAsync(db, rootId, posted, send.Message.MentionedUserIds);
                    }

                    created[send] = posted;
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();

                // Files point at their message, so they are shared once the messages are in, still before the commit.
                foreach (var (send, posted) in created)
                {
                    await NewMessageRows.AttachFilesAsync(db, send.Message, posted);
                }

                await transaction.CommitAsync();
            });
        }

        db.ChangeTracker.Clear();
        var senderIds = created.Values.Select(m => m.SenderId).Distinct().ToList();
        var names = senderIds.Count == 0
            ? []
            : await db.Users.Where(u => senderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        foreach (var (send, posted) in created)
        {
            send.Result.TrySetResult((posted, true, names[posted.SenderId]));
        }

        foreach (var (send, stored) in repeats)
        {
            send.Result.TrySetResult((stored, false, null));
        }
    }

    /// <summary>
    /// Sends already stored (a retry, however late) and repeats within the batch are answered with the stored message;
    /// the rest are new. Within one batch the first of a repeated send is the one stored.
    /// </summary>
    private static async Task<(List<PendingSend> Fresh, Dictionary<PendingSend, Message> Repeats)> SeparateRepeatsAsync(
        ChatDbContext db, List<PendingSend> batch)
    {
        var clientIds = batch.Select(s => s.Message.ClientMessageId).Distinct().ToList();
        var stored = (await db.Messages.AsNoTracking()
                .Where(m => clientIds.Contains(m.ClientMessageId))
                .ToListAsync())
            .ToDictionary(m => (m.SenderId, m.ClientMessageId));

        var fresh = new List<PendingSend>();
        var firstInBatch = new Dictionary<(string, Guid), PendingSend>();
        var repeats = new Dictionary<PendingSend, Message>();
        var sameAs = new List<(PendingSend Repeat, PendingSend First)>();
        foreach (var send in batch)
        {
            var key = (send.Message.SenderId, send.Message.ClientMessageId);
            if (stored.TryGetValue(key, out var message))
            {
                repeats[send] = message;
            }
            else if (firstInBatch.TryGetValue(key, out var first))
            {
                sameAs.Add((send, first));
            }
            else
            {
                firstInBatch[key] = send;
                fresh.Add(send);
            }
        }

        foreach (var (repeat, first) in sameAs)
        {
            _ = first.Result.Task.ContinueWith(
                t => repeat.Result.TrySetResult((t.Result.Message, false, null)),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
            _ = first.Result.Task.ContinueWith(
                t => repeat.Result.TrySetException(t.Exception!.InnerExceptions),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }

        return (fresh, repeats);
    }

    /// <summary>
    /// Advances each channel's last sequence by its number of new messages and returns the first sequence to use, in one
    /// statement per channel. The update locks the channel row until commit, so writers on other nodes queue behind it
    /// (SQL Server), and SQLite has a single writer anyway: sequences come out dense and unique.
    /// </summary>
    private static async Task<Dictionary<Guid, long>> ReserveSequencesAsync(ChatDbContext db, List<PendingSend> fresh)
    {
        var next = new Dictionary<Guid, long>();
        foreach (var group in fresh.GroupBy(s => s.Message.ChannelId))
        {
            var count = group.Count();
            var channelId = group.Key;
            var reserved = db.Database.IsSqlServer()
                ? db.Database.SqlQuery<long>(
                    $"UPDATE [Channels] SET [LastSequence] = [LastSequence] + {count} OUTPUT inserted.[LastSequence] AS [Value] WHERE [Id] = {channelId}")
                : db.Database.SqlQuery<long>(
                    $"UPDATE \"Channels\" SET \"LastSequence\" = \"LastSequence\" + {count} WHERE \"Id\" = {channelId} RETURNING \"LastSequence\" AS \"Value\"");
            var last = (await reserved.ToListAsync()).Single();
            next[channelId] = last - count + 1;
        }

        return next;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a batch of {Count} messages failed; storing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed class PendingSend(NewMessage message)
    {
        public NewMessage Message { get; } = message;

        public TaskCompletionSource<(Message Message, bool Created, string? SenderName)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
