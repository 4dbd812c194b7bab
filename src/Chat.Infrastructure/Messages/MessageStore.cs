using Chat.Application.Messages;
using Chat.Domain.Common;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Messages;

internal sealed class MessageStore(IDbContextFactory<ChatDbContext> contexts, IMessageFormatter formatter)
    : IMessageStore, IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public async Task<AppendResult> AppendAsync(
        Guid channelId,
        string senderId,
        Guid clientMessageId,
        MessageBody body,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await FindSentAsync(db, senderId, clientMessageId, cancellationToken);
        if (stored is not null)
        {
            return new AppendResult(stored, Created: false);
        }

        try
        {
            await InsertAsync(db, channelId, senderId, clientMessageId, body, at, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry of the same send won the unique index; ours rolled back whole, sequence included.
            var raced = await FindSentAsync(db, senderId, clientMessageId, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return new AppendResult(raced, Created: false);
        }

        return new AppendResult((await FindSentAsync(db, senderId, clientMessageId, cancellationToken))!, Created: true);
    }

    public void Dispose() => _sqliteWriter.Dispose();

    public async Task<MessageDto?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).SingleOrDefault();
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

    private async Task InsertAsync(
        ChatDbContext db,
        Guid channelId,
        string senderId,
        Guid clientMessageId,
        MessageBody body,
        DateTimeOffset at,
        CancellationToken cancellationToken)
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
            await db.Channels.Where(c => c.Id == channelId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), cancellationToken);
            var sequence = await db.Channels.Where(c => c.Id == channelId).Select(c => c.LastSequence)
                .SingleAsync(cancellationToken);
            db.Messages.Add(Message.Post(channelId, sequence, senderId, clientMessageId, body, at));
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

    private async Task<MessageDto?> FindSentAsync(
        ChatDbContext db, string senderId, Guid clientMessageId, CancellationToken cancellationToken) =>
        (await LoadAsync(db, db.Messages.Where(m => m.SenderId == senderId && m.ClientMessageId == clientMessageId), cancellationToken))
            .SingleOrDefault();

    /// <summary>Runs the query, then loads the reactions of the messages found in one more query.</summary>
    private async Task<List<MessageDto>> LoadAsync(ChatDbContext db, IQueryable<Message> messages, CancellationToken cancellationToken)
    {
        var rows = await Project(db, messages).ToListAsync(cancellationToken);
        var withReactions = rows.Where(r => r.ReactionRevision > 0).Select(r => r.Id).ToList();
        var reactions = withReactions.Count == 0
            ? []
            : await db.Reactions.Where(r => withReactions.Contains(r.MessageId))
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.MessageId, r.EmojiId, r.UserId, u.DisplayName, r.CreatedAt })
                .ToListAsync(cancellationToken);
        var byMessage = reactions
            .OrderBy(r => r.CreatedAt)
            .GroupBy(r => r.MessageId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ReactionDto>)g.GroupBy(r => r.EmojiId)
                    .Select(e => new ReactionDto(
                        e.Key, Emoji.Known[e.Key], [.. e.Select(r => r.UserId)], [.. e.Select(r => r.DisplayName)]))
                    .ToList());
        return rows.ConvertAll(row => ToDto(row) with { Reactions = byMessage.GetValueOrDefault(row.Id, []) });
    }

    private static IQueryable<MessageRow> Project(ChatDbContext db, IQueryable<Message> messages) =>
        messages.Join(
            db.Users,
            m => m.SenderId,
            u => u.Id,
            (m, u) => new MessageRow(
                m.Id, m.ChannelId, m.Sequence, m.SenderId, u.DisplayName, m.Body, m.CreatedAt, m.Version, m.EditedAt, m.DeletedAt,
                m.ReactionRevision,
                m.PinnedAt != null));

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
        bool IsPinned);
}
