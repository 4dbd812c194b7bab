namespace Chat.Infrastructure.Threads;

/// <summary>A user following a thread, with a read cursor over its replies (their channel sequences).</summary>
internal sealed class ThreadFollower(Guid rootMessageId, string userId, Guid channelId, long lastReadSequence)
{
    public Guid RootMessageId { get; private set; } = rootMessageId;

    public string UserId { get; private set; } = userId;

    public Guid ChannelId { get; private set; } = channelId;

    public long LastReadSequence { get; set; } = lastReadSequence;
}
