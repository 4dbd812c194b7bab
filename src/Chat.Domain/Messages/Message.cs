using Chat.Domain.Common;

namespace Chat.Domain.Messages;

/// <summary>
/// A message in a channel. Its sequence is dense and increasing per channel and assigned when it is
/// stored; the sender's client message id makes a retried send return this message instead of a copy.
/// </summary>
public sealed class Message
{
    private Message()
    {
        SenderId = string.Empty;
        Body = string.Empty;
    }

    private Message(
        Guid channelId, long sequence, string senderId, Guid clientMessageId, MessageBody body, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ChannelId = channelId;
        Sequence = sequence;
        SenderId = senderId;
        ClientMessageId = clientMessageId;
        Body = body.Value;

        // Kept to the millisecond, as every store keeps it, so the copy announced equals the copy read back later.
        CreatedAt = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
        Version = 1;
    }

    public Guid Id { get; private set; }

    public Guid ChannelId { get; private set; }

    public long Sequence { get; private set; }

    public string SenderId { get; private set; }

    public Guid ClientMessageId { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Bumped by every change, so a client can tell which copy is newer.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>Set when deleted; the row stays as a tombstone so threads and sequences remain intact.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>When it was pinned to its channel; null when it is not pinned.</summary>
    public DateTimeOffset? PinnedAt { get; private set; }

    public string? PinnedById { get; private set; }

    /// <summary>Bumped by every reaction added or removed, so clients apply reaction updates in order.</summary>
    public int ReactionRevision { get; private set; }

    /// <summary>The root of the thread this message replies in; null for a message posted to the channel.</summary>
    public Guid? ThreadRootId { get; private set; }

    /// <summary>A reply that was also sent to the channel, so it shows in the channel as well as in its thread.</summary>
    public bool AlsoInChannel { get; private set; }

    /// <summary>Whether the channel's message list shows it: everything but replies kept to their thread.</summary>
    public bool IsInChannel => ThreadRootId is null || AlsoInChannel;

    /// <summary>Whether the message mentions every member of the channel (@channel or @all).</summary>
    public bool MentionsChannel { get; private set; }

    /// <summary>Creates the message that takes <paramref name="sequence"/> in its channel.</summary>
    public static Message Post(
        Guid channelId, long sequence, string senderId, Guid clientMessageId, MessageBody body, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var message = new Message(channelId, sequence, senderId, clientMessageId, body, at);
        message.MentionsChannel = Mentions.Parse(body.Value).Broadcast == Broadcast.Channel;
        return message;
    }

    /// <summary>
    /// Creates a reply in <paramref name="root"/>'s thread, taking <paramref name="sequence"/> in the same channel.
    /// Threads are one level deep; their summaries (reply count, last reply, participants) are derived from the replies.
    /// </summary>
    public static Result<Message> Reply(
        Message root, long sequence, string senderId, Guid clientMessageId, MessageBody body, DateTimeOffset at, bool alsoInChannel)
    {
        if (root.ThreadRootId is not null)
        {
            return Error.Invalid("thread.nested", "Replies go in the thread of the message that started it.");
        }

        var reply = Post(root.ChannelId, sequence, senderId, clientMessageId, body, at);
        reply.ThreadRootId = root.Id;
        reply.AlsoInChannel = alsoInChannel;
        return reply;
    }

    /// <summary>Replaces the text; only its sender may, and not after it was deleted.</summary>
    public Result Edit(string editorId, MessageBody body, DateTimeOffset at)
    {
        if (IsDeleted)
        {
            return Error.Invalid("message.deleted", "This message was deleted and can no longer be edited.");
        }

        if (editorId != SenderId)
        {
            return Error.Forbidden("message.not_yours", "You can only edit your own messages.");
        }

        if (body.Value == Body)
        {
            return Result.Success();
        }

        Body = body.Value;
        EditedAt = at;
        Version++;
        return Result.Success();
    }

    /// <summary>Removes the text and leaves a tombstone; its sender or a workspace administrator may.</summary>
    public Result Delete(string userId, bool isAdministrator, DateTimeOffset at)
    {
        if (userId != SenderId && !isAdministrator)
        {
            return Error.Forbidden("message.not_yours", "You can only delete your own messages.");
        }

        if (IsDeleted)
        {
            return Result.Success();
        }

        Body = string.Empty;
        DeletedAt = at;
        (PinnedAt, PinnedById) = (null, null);
        Version++;
        return Result.Success();
    }

    /// <summary>Pins the message to its channel, or unpins it; deleted messages cannot be pinned.</summary>
    public Result SetPinned(bool pinned, string userId, DateTimeOffset at)
    {
        if (pinned && IsDeleted)
        {
            return Error.Invalid("message.deleted", "A deleted message cannot be pinned.");
        }

        if (pinned == (PinnedAt is not null))
        {
            return Result.Success();
        }

        PinnedAt = pinned ? at : null;
        PinnedById = pinned ? userId : null;
        Version++;
        return Result.Success();
    }
}
