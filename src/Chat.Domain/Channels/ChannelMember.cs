namespace Chat.Domain.Channels;

/// <summary>A user's membership of a channel; read state lives here as a cursor, not per message.</summary>
public sealed class ChannelMember
{
    private ChannelMember()
    {
        UserId = string.Empty;
    }

    internal ChannelMember(Guid channelId, string userId, ChannelRole role, DateTimeOffset joinedAt)
    {
        ChannelId = channelId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid ChannelId { get; private set; }

    public string UserId { get; private set; }

    public ChannelRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>The newest sequence this member has seen; everything after it from others is unread.</summary>
    public long LastReadSequence { get; private set; }

    /// <summary>Notes that the member has seen up to <paramref name="sequence"/>; reading only ever moves the cursor forward.</summary>
    public void Read(long sequence) => LastReadSequence = Math.Max(LastReadSequence, sequence);
}
