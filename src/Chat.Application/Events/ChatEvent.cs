using Chat.Application.Messages;

namespace Chat.Application.Events;

/// <summary>Something that happened in a channel, published after it was committed.</summary>
public abstract record ChatEvent(Guid ChannelId);

/// <summary>A new message; carries its sequence so a client can spot a gap and fetch what it missed.</summary>
public sealed record MessagePosted(MessageDto Message) : ChatEvent(Message.ChannelId)
{
    public long Sequence => Message.Sequence;
}
