using Chat.Domain.Common;
using Chat.Domain.Messages;

namespace Chat.Application.Messages;

/// <summary>Stores messages with per-channel sequences and reads history by sequence.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores the message with the channel's next sequence, in one transaction with advancing the channel's
    /// last sequence, its mentions, and (for a reply) the thread's new followers: its root's sender, the replier
    /// and everyone mentioned. When this sender already sent the message's client message id, stores nothing and
    /// returns the stored message with <see cref="AppendResult.Created"/> false, however long ago that was.
    /// </summary>
    Task<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken);

    /// <summary>The message this sender stored with this client message id, or null.</summary>
    Task<MessageDto?> FindSentAsync(string senderId, Guid clientMessageId, CancellationToken cancellationToken);

    /// <summary>The message with this id, or null.</summary>
    Task<MessageDto?> FindAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>The messages with these ids that exist, in no particular order.</summary>
    Task<IReadOnlyList<MessageDto>> ListByIdsAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Loads the message, applies <paramref name="change"/> and stores the result only when it succeeded;
    /// a concurrent change in between makes this fail rather than overwrite it.
    /// </summary>
    Task<Result<MessageDto>> ChangeAsync(Guid messageId, Func<Message, Result> change, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the user's reaction, or removes it when present, and bumps the message's reaction revision in the
    /// same transaction; returns the message with its reactions as they are now.
    /// </summary>
    Task<MessageDto> ToggleReactionAsync(Guid messageId, string userId, string emojiId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The channel's pinned messages, most recently pinned first.</summary>
    Task<IReadOnlyList<MessageDto>> ListPinnedAsync(Guid channelId, CancellationToken cancellationToken);

    /// <summary>The replies in a thread, oldest first, up to <paramref name="limit"/> of the newest.</summary>
    Task<IReadOnlyList<MessageDto>> ListRepliesAsync(Guid rootMessageId, int limit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<MessageDto>> ListAfterAsync(
        Guid channelId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> messages below <paramref name="beforeSequence"/> (the newest ones when null),
    /// oldest first.
    /// </summary>
    Task<IReadOnlyList<MessageDto>> ListBeforeAsync(
        Guid channelId, long? beforeSequence, int limit, CancellationToken cancellationToken);
}

public sealed record AppendResult(MessageDto Message, bool Created);

/// <param name="ThreadRootId">The root of the thread it replies in, which is in the same channel; null for the channel.</param>
/// <param name="MentionedUserIds">Members it mentions by name or with @here; @channel is on the message itself.</param>
public sealed record NewMessage(
    Guid ChannelId,
    string SenderId,
    Guid ClientMessageId,
    MessageBody Body,
    DateTimeOffset At,
    Guid? ThreadRootId = null,
    bool AlsoInChannel = false)
{
    public IReadOnlyCollection<string> MentionedUserIds { get; init; } = [];

    /// <summary>Files the sender uploaded to this channel, shared with the message in the same transaction.</summary>
    public IReadOnlyCollection<Guid> FileIds { get; init; } = [];
}
