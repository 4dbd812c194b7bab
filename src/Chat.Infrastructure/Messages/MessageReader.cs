using Chat.Application.Messages;
using Chat.Domain.Files;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Messages;

/// <summary>Reads messages as clients see them: sender names, rendered bodies, reactions, mentions and thread summaries.</summary>
internal sealed class MessageReader(IMessageFormatter formatter)
{
    /// <summary>Runs the query, then loads the reactions, mentions and thread summaries of the messages found.</summary>
    public async Task<List<MessageDto>> LoadAsync(ChatDbContext db, IQueryable<Message> messages, CancellationToken cancellationToken)
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
        var files = (await db.Files.AsNoTracking()
                .Where(f => f.MessageId != null && ids.Contains(f.MessageId.Value))
                .OrderBy(f => f.CreatedAt)
                .Select(f => new
                {
                    MessageId = f.MessageId!.Value,
                    File = new AttachmentDto(
                        f.Id, f.OriginalName, f.ContentType, f.Size, f.ScanStatus,
                        f.ThumbnailKey != null && f.ScanStatus == ScanStatus.Clean, f.ThumbnailWidth, f.ThumbnailHeight),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.MessageId, f => f.File);
        var rootIds = rows.Where(r => r.ThreadRootId is null).Select(r => r.Id).ToList();
        var threads = await LoadThreadSummariesAsync(db, rootIds, cancellationToken);
        return rows.ConvertAll(row => ToDto(row) with
        {
            Reactions = reactions.GetValueOrDefault(row.Id, []),
            MentionedUserIds = mentions[row.Id].ToArray(),
            Thread = threads.GetValueOrDefault(row.Id),
            Files = row.DeletedAt is null ? files[row.Id].ToArray() : [],
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

    /// <summary>A message just stored, as clients see it: no reactions, replies or mentions yet.</summary>
    public MessageDto ToDto(Message message, string senderName) => ToDto(new MessageRow(
        message.Id, message.ChannelId, message.Sequence, message.SenderId, senderName, message.Body, message.CreatedAt, message.Version,
        message.EditedAt, message.DeletedAt, message.ReactionRevision, message.PinnedAt is not null, message.ThreadRootId,
        message.AlsoInChannel, message.MentionsChannel));

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
