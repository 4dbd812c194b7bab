using Chat.Application.Messages;
using Chat.Domain.Common;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Threads;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Messages;

internal sealed class MessageStore(IDbContextFactory<ChatDbContext> contexts, IMessageFormatter formatter)
    : IMessageStore, IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public async Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await FindSentAsync(db, message.SenderId, message.ClientMessageId, cancellationToken);
        if (stored is not null)
        {
            return new AppendResult(stored, Created: false);
        }

        try
        {
            await InsertAsync(db, message, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry of the same send won the unique index; ours rolled back whole, sequence included.
            db.ChangeTracker.Clear();
            var raced = await FindSentAsync(db, message.SenderId, message.ClientMessageId, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return new AppendResult(raced, Created: false);
        }

        return new AppendResult((await FindSentAsync(db, message.SenderId, message.ClientMessageId, cancellationToken))!, Created: true);
    }

    public void Dispose() => _sqliteWriter.Dispose();

    public async Task<MessageDto?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<MessageDto>> ListByIdsAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, db.Messages.Where(m => messageIds.Contains(m.Id)), cancellationToken);
    }

    public async Task<MessageDto> ToggleReactionAsync(
        Guid messageId, string userId, string emojiId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var removed = await db.Reactions
                .Where(r => r.MessageId == messageId && r.UserId == userId && r.EmojiId == emojiId)
                .ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                db.Reactions.Add(new Reaction(messageId, userId, emojiId, at));
                await db.SaveChangesAsync(cancellationToken);
            }

            await db.Messages.Where(m => m.Id == messageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReactionRevision, m => m.ReactionRevision + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (await LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).Single();
    }

    public async Task<Result<MessageDto>> ChangeAsync(
        Guid messageId, Func<Message, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return Error.NotFound("message.not_found", "That message does not exist.");
        }

        var changed = change(message);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("message.changed", "Someone changed this message at the same time. Try again.");
        }

        return (await LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<MessageDto>> ListPinnedAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(
            db,
            db.Messages.Where(m => m.ChannelId == channelId && m.PinnedAt != null).OrderByDescending(m => m.PinnedAt).Take(100),
            cancellationToken);
    }

    public async Task<IReadOnlyList<MessageDto>> ListRepliesAsync(Guid rootMessageId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var page = await LoadAsync(
            db,
            db.Messages.Where(m => m.ThreadRootId == rootMessageId).OrderByDescending(m => m.Sequence).Take(limit),
            cancellationToken);
        page.Reverse();
        return page;
    }

    public async Task<IReadOnlyList<MessageDto>> ListAfterAsync(
        Guid channelId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(
            db,
            db.Messages.Where(m => m.ChannelId == channelId && m.Sequence > afterSequence).OrderBy(m => m.Sequence).Take(limit),
            cancellationToken);
    }

    public async Task<IReadOnlyList<MessageDto>> ListBeforeAsync(
        Guid channelId, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var newestFirst = db.Messages.Where(m => m.ChannelId == channelId);
        if (beforeSequence is { } before)
        {
            newestFirst = newestFirst.Where(m => m.Sequence < before);
        }

        var page = await LoadAsync(db, newestFirst.OrderByDescending(m => m.Sequence).Take(limit), cancellationToken);
        page.Reverse();
        return page;
    }

    private async Task InsertAsync(ChatDbContext db, NewMessage message, CancellationToken cancellationToken)
    {
        // SQLite has one writer at a time, and concurrent writers otherwise spin on SQLITE_BUSY with sleeps:
        // queueing them here is faster and fair. Only the transaction is inside; reading back is not.
        var serialize = db.Database.IsSqlite();
        if (serialize)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            // The channel row holds the last sequence; bumping it first makes concurrent senders of one channel
            // queue on that row, so sequences come out dense and unique.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Channels.Where(c => c.Id == message.ChannelId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), cancellationToken);
            var sequence = await db.Channels.Where(c => c.Id == message.ChannelId).Select(c => c.LastSequence)
                .SingleAsync(cancellationToken);
            var posted = await CreateAsync(db, message, sequence, cancellationToken);
            db.Messages.Add(posted);
            db.MessageMentions.AddRange(
                message.MentionedUserIds.Select(userId => new MessageMention(posted.Id, userId, message.ChannelId, sequence)));
            if (posted.ThreadRootId is { } rootId)
            {
                await FollowRepliedThreadAsync(db, rootId, posted, message.MentionedUserIds, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (serialize)
            {
                _sqliteWriter.Release();
            }
        }
    }

    private static async Task<Message> CreateAsync(ChatDbContext db, NewMessage message, long sequence, CancellationToken cancellationToken)
    {
        if (message.ThreadRootId is not { } rootId)
        {
            return Message.Post(message.ChannelId, sequence, message.SenderId, message.ClientMessageId, message.Body, message.At);
        }

        var root = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == rootId, cancellationToken);
        var reply = Message.Reply(
            root, sequence, message.SenderId, message.ClientMessageId, message.Body, message.At, message.AlsoInChannel);
        return reply.Succeeded ? reply.Value : throw new InvalidOperationException(reply.Error!.Message);
    }

    /// <summary>
    /// The root's sender, the replier and everyone mentioned in the reply or the root follow the thread; the replier
    /// has read it up to their own reply.
    /// </summary>
    private static async Task FollowRepliedThreadAsync(
        ChatDbContext db, Guid rootId, Message reply, IReadOnlyCollection<string> mentioned, CancellationToken cancellationToken)
    {
        var rootSender = await db.Messages.Where(m => m.Id == rootId).Select(m => m.SenderId).SingleAsync(cancellationToken);
        var rootMentioned = await db.MessageMentions.Where(m => m.MessageId == rootId).Select(m => m.UserId).ToListAsync(cancellationToken);
        var followers = mentioned.Concat(rootMentioned).Append(rootSender).Append(reply.SenderId).ToHashSet(StringComparer.Ordinal);
        var existing = await db.ThreadFollowers.Where(f => f.RootMessageId == rootId && followers.Contains(f.UserId))
            .ToDictionaryAsync(f => f.UserId, cancellationToken);
        foreach (var userId in followers)
        {
            if (existing.TryGetValue(userId, out var follower))
            {
                if (userId == reply.SenderId)
                {
                    follower.LastReadSequence = Math.Max(follower.LastReadSequence, reply.Sequence);
                }
            }
            else
            {
                // New followers have read the root: only replies are counted as unread.
                var readUpTo = userId == reply.SenderId ? reply.Sequence : reply.Sequence - 1;
                db.ThreadFollowers.Add(new ThreadFollower(rootId, userId, reply.ChannelId, readUpTo));
            }
        }
    }

    private async Task<MessageDto?> FindSentAsync(
        ChatDbContext db, string senderId, Guid clientMessageId, CancellationToken cancellationToken) =>
        (await LoadAsync(db, db.Messages.Where(m => m.SenderId == senderId && m.ClientMessageId == clientMessageId), cancellationToken))
            .SingleOrDefault();

    /// <summary>Runs the query, then loads the reactions, mentions and thread summaries of the messages found.</summary>
    private async Task<List<MessageDto>> LoadAsync(ChatDbContext db, IQueryable<Message> messages, CancellationToken cancellationToken)
    {
        var rows = await Project(db, messages).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var reactions = await LoadReactionsAsync(db, [.. rows.Where(r => r.ReactionRevision > 0).Select(r => r.Id)], cancellationToken);
        var ids = rows.ConvertAll(r => r.Id);
        var mentions = (await db.MessageMentions.Where(m => ids.Contains(m.MessageId))
                .Select(m => new { m.MessageId, m.UserId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.MessageId, m => m.UserId);
        var rootIds = rows.Where(r => r.ThreadRootId is null).Select(r => r.Id).ToList();
        var threads = await LoadThreadSummariesAsync(db, rootIds, cancellationToken);
        return rows.ConvertAll(row => ToDto(row) with
        {
            Reactions = reactions.GetValueOrDefault(row.Id, []),
            MentionedUserIds = [.. mentions[row.Id]],
            Thread = threads.GetValueOrDefault(row.Id),
        });
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<ReactionDto>>> LoadReactionsAsync(
        ChatDbContext db, List<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return [];
        }

        var reactions = await db.Reactions.Where(r => messageIds.Contains(r.MessageId))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.MessageId, r.EmojiId, r.UserId, u.DisplayName, r.CreatedAt })
            .ToListAsync(cancellationToken);
        return reactions
            .OrderBy(r => r.CreatedAt)
            .GroupBy(r => r.MessageId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ReactionDto>)g.GroupBy(r => r.EmojiId)
                    .Select(e => new ReactionDto(
                        e.Key, Emoji.Known[e.Key], [.. e.Select(r => r.UserId)], [.. e.Select(r => r.DisplayName)]))
                    .ToList());
    }

    /// <summary>Reply count, newest reply and repliers (most recent first, at most five) per root, from the replies.</summary>
    private static async Task<Dictionary<Guid, ThreadSummaryDto>> LoadThreadSummariesAsync(
        ChatDbContext db, List<Guid> rootIds, CancellationToken cancellationToken)
    {
        if (rootIds.Count == 0)
        {
            return [];
        }

        var repliers = await db.Messages.Where(m => m.ThreadRootId != null && rootIds.Contains(m.ThreadRootId.Value))
            .GroupBy(m => new { RootId = m.ThreadRootId!.Value, m.SenderId })
            .Select(g => new { g.Key.RootId, g.Key.SenderId, Replies = g.Count(), LastSequence = g.Max(m => m.Sequence) })
            .Join(db.Users, r => r.SenderId, u => u.Id, (r, u) => new { r.RootId, r.SenderId, r.Replies, r.LastSequence, u.DisplayName })
            .ToListAsync(cancellationToken);
        if (repliers.Count == 0)
        {
            return [];
        }

        var lastSequences = repliers.GroupBy(r => r.RootId).Select(g => g.Max(r => r.LastSequence)).ToList();
        var lastAt = await db.Messages.Where(m => rootIds.Contains(m.ThreadRootId!.Value) && lastSequences.Contains(m.Sequence))
            .Select(m => new { RootId = m.ThreadRootId!.Value, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var lastAtByRoot = lastAt.GroupBy(m => m.RootId).ToDictionary(g => g.Key, g => g.Max(m => m.CreatedAt));
        return repliers.GroupBy(r => r.RootId).ToDictionary(
            g => g.Key,
            g =>
            {
                var recent = g.OrderByDescending(r => r.LastSequence).Take(5).ToList();
                return new ThreadSummaryDto(
                    g.Sum(r => r.Replies), lastAtByRoot[g.Key], [.. recent.Select(r => r.SenderId)], [.. recent.Select(r => r.DisplayName)]);
            });
    }

    private static IQueryable<MessageRow> Project(ChatDbContext db, IQueryable<Message> messages) =>
        messages.Join(
            db.Users,
            m => m.SenderId,
            u => u.Id,
            (m, u) => new MessageRow(
                m.Id, m.ChannelId, m.Sequence, m.SenderId, u.DisplayName, m.Body, m.CreatedAt, m.Version, m.EditedAt, m.DeletedAt,
                m.ReactionRevision,
                m.PinnedAt != null,
                m.ThreadRootId,
                m.AlsoInChannel,
                m.MentionsChannel));

    private MessageDto ToDto(MessageRow row) => new(
        row.Id,
        row.ChannelId,
        row.Sequence,
        row.SenderId,
        row.SenderName,
        row.Body,
        row.DeletedAt is null ? formatter.ToSafeHtml(row.Body) : string.Empty,
        row.CreatedAt,
        row.Version,
        row.EditedAt,
        row.DeletedAt is not null)
    {
        ReactionRevision = row.ReactionRevision,
        IsPinned = row.IsPinned,
        ThreadRootId = row.ThreadRootId,
        AlsoInChannel = row.AlsoInChannel,
        MentionsChannel = row.MentionsChannel,
    };

    private sealed record MessageRow(
        Guid Id,
        Guid ChannelId,
        long Sequence,
        string SenderId,
        string SenderName,
        string Body,
        DateTimeOffset CreatedAt,
        int Version,
        DateTimeOffset? EditedAt,
        DateTimeOffset? DeletedAt,
        int ReactionRevision,
        bool IsPinned,
        Guid? ThreadRootId,
        bool AlsoInChannel,
        bool MentionsChannel);
}
