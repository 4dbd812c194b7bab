using Chat.Application.Messages;
using Chat.Domain.Messages;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Threads;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Messages;

/// <summary>
/// What one new message writes inside the writer's transaction besides its sequence: the message itself, the thread
/// followers a reply makes, and the uploads it shares.
/// </summary>
internal static class NewMessageRows
{
    /// <summary>Shares the sender's still-unshared uploads with the message; a file shared meanwhile fails the send.</summary>
    public static async Task AttachFilesAsync(ChatDbContext db, NewMessage message, Message posted)
    {
        if (message.FileIds.Count == 0)
        {
            return;
        }

        var ids = message.FileIds.ToList();
        var attached = await db.Files
            .Where(f => ids.Contains(f.Id) && f.MessageId == null && f.UploaderId == message.SenderId && f.ChannelId == message.ChannelId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.MessageId, posted.Id));
        if (attached != ids.Count)
        {
            throw new InvalidOperationException("A file was shared with another message at the same time.");
        }
    }

    public static async Task<Message> CreateAsync(ChatDbContext db, NewMessage message, long sequence)
    {
        if (message.ThreadRootId is not { } rootId)
        {
            return Message.Post(message.ChannelId, sequence, message.SenderId, message.ClientMessageId, message.Body, message.At);
        }

        var root = db.Messages.Local.FirstOrDefault(m => m.Id == rootId)
            ?? await db.Messages.AsNoTracking().SingleAsync(m => m.Id == rootId);
        var reply = Message.Reply(
            root, sequence, message.SenderId, message.ClientMessageId, message.Body, message.At, message.AlsoInChannel);
        return reply.Succeeded ? reply.Value : throw new InvalidOperationException(reply.Error!.Message);
    }

    /// <summary>
    /// The root's sender, the replier and everyone mentioned in the reply or the root follow the thread; the replier
    /// has read it up to their own reply. Followers added earlier in the same batch are found among the tracked ones.
    /// </summary>
    public static async Task FollowRepliedThreadAsync(ChatDbContext db, Guid rootId, Message reply, IReadOnlyCollection<string> mentioned)
    {
        var rootSender = db.Messages.Local.FirstOrDefault(m => m.Id == rootId)?.SenderId
            ?? await db.Messages.Where(m => m.Id == rootId).Select(m => m.SenderId).SingleAsync();
        var rootMentioned = await db.MessageMentions.Where(m => m.MessageId == rootId).Select(m => m.UserId).ToListAsync();
        var followers = mentioned.Concat(rootMentioned).Append(rootSender).Append(reply.SenderId).ToHashSet(StringComparer.Ordinal);
        var existing = await db.ThreadFollowers.Where(f => f.RootMessageId == rootId && followers.Contains(f.UserId))
            .ToDictionaryAsync(f => f.UserId);
        foreach (var follower in db.ThreadFollowers.Local.Where(f => f.RootMessageId == rootId))
        {
            existing[follower.UserId] = follower;
        }

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
}
