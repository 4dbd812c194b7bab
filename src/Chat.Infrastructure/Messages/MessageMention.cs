namespace Chat.Infrastructure.Messages;

/// <summary>A member a message mentions by name or with @here; the channel and sequence let unread mentions be counted by cursor.</summary>
internal sealed class MessageMention(Guid messageId, string userId, Guid channelId, long sequence)
{
    public Guid MessageId { get; private set; } = messageId;

    public string UserId { get; private set; } = userId;

    public Guid ChannelId { get; private set; } = channelId;

    public long Sequence { get; private set; } = sequence;
}
