using Chat.Application.Messages;
using Chat.Domain.Channels;

namespace Chat.Application.Threads;

/// <summary>Who follows which thread, and how far each follower has read it.</summary>
public interface IThreadStore
{
    /// <summary>Whether the user follows the thread, and the newest reply's sequence they have read.</summary>
    Task<ThreadFollowing?> FindFollowingAsync(Guid rootMessageId, string userId, CancellationToken cancellationToken);

    /// <summary>Follows (read up to <paramref name="readSequence"/>) or unfollows the thread; repeating either changes nothing.</summary>
    Task SetFollowingAsync(
        Guid rootMessageId, Guid channelId, string userId, bool following, long readSequence, CancellationToken cancellationToken);

    /// <summary>Moves the follower's read cursor forward to <paramref name="sequence"/>; nothing when not following.</summary>
    Task MarkReadAsync(Guid rootMessageId, string userId, long sequence, CancellationToken cancellationToken);

    /// <summary>
    /// The threads the user follows in channels they can still read, with replies in them, newest reply first,
    /// with the number of replies from others they have not read.
    /// </summary>
    Task<IReadOnlyList<FollowedThread>> ListFollowedAsync(string userId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every thread the user follows in a channel they can still read, with the replies from others they have not read
    /// (zero too: a new reply to any of them is then known to count).
    /// </summary>
    Task<IReadOnlyDictionary<Guid, int>> CountUnreadRepliesAsync(string userId, CancellationToken cancellationToken);
}

public sealed record ThreadFollowing(long LastReadSequence);

/// <summary>A line in the Threads view.</summary>
public sealed record FollowedThread(MessageDto Root, string ChannelName, ChannelKind ChannelKind, int UnreadReplies);
