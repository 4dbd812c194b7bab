using Chat.Application.Messages;
using Chat.Domain.Common;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Threads;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Messages;

internal sealed class MessageStore(IDbContextFactory<ChatDbContext> contexts, MessageReader reader, MessageWriter writer)
    : IMessageStore
{
    public async Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken)
    {
        var (stored, created, senderName) = await writer.AppendAsync(message, cancellationToken);

        // A new message has no reactions or replies yet and its mentions are known, so it needs no reading back
        // unless it shares files.
        return created && message.FileIds.Count == 0
            ? new AppendResult(reader.ToDto(stored, senderName!) with { MentionedUserIds = message.MentionedUserIds.ToArray() }, Created: true)
            : new AppendResult((await FindAsync(stored.Id, cancellationToken))!, created);
    }

    public async Task<MessageDto?> FindSentAsync(string senderId, Guid clientMessageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await reader.LoadAsync(
            db, db.Messages.Where(m => m.SenderId == senderId && m.ClientMessageId == clientMessageId), cancellationToken)).SingleOrDefault();
    }

    public async Task<MessageDto?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await reader.LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<MessageDto>> ListByIdsAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await reader.LoadAsync(db, db.Messages.Where(m => messageIds.Contains(m.Id)), cancellationToken);
    }

    public async Task<MessageDto> ToggleReactionAsync(
        Guid messageId, string userId, string emojiId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQL Server retries transient failures; a retry starts the whole transaction again from a clean slate.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        });

        return (await reader.LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).Single();
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

        return (await reader.LoadAsync(db, db.Messages.Where(m => m.Id == messageId), cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<MessageDto>> ListPinnedAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await reader.LoadAsync(
            db,
            db.Messages.Where(m => m.ChannelId == channelId && m.PinnedAt != null).OrderByDescending(m => m.PinnedAt).Take(100),
            cancellationToken);
    }

    public async Task<IReadOnlyList<MessageDto>> ListRepliesAsync(Guid rootMessageId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var page = await reader.LoadAsync(
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
        return await reader.LoadAsync(
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

        var page = await reader.LoadAsync(db, newestFirst.OrderByDescending(m => m.Sequence).Take(limit), cancellationToken);
        page.Reverse();
        return page;
    }
}
