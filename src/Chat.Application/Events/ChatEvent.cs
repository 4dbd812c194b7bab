using Chat.Application.Messages;

namespace Chat.Application.Events;

/// <summary>Something that happened in a channel, published after it was committed.</summary>
public abstract record ChatEvent(Guid ChannelId);

/// <summary>A new message; carries its sequence so a client can spot a gap and fetch what it missed.</summary>
public sealed record MessagePosted(MessageDto Message) : ChatEvent(Message.ChannelId)
{
    public long Sequence => Message.Sequence;
}

/// <summary>A message's text changed; the message's version says which copy is newer.</summary>
public sealed record MessageEdited(MessageDto Message) : ChatEvent(Message.ChannelId);

/// <summary>A message became a tombstone.</summary>
public sealed record MessageDeleted(MessageDto Message) : ChatEvent(Message.ChannelId);

/// <summary>A message's reactions changed; its reaction revision says which copy is newer.</summary>
public sealed record ReactionsChanged(MessageDto Message) : ChatEvent(Message.ChannelId);

/// <summary>Someone is writing in the channel. Ephemeral: never stored, shown for a few seconds.</summary>
public sealed record UserTyping(Guid ChannelId, string UserId, string DisplayName) : ChatEvent(ChannelId);

/// <summary>A message was pinned or unpinned; its version says which copy is newer.</summary>
public sealed record MessagePinChanged(MessageDto Message) : ChatEvent(Message.ChannelId);

/// <summary>A thread got a reply; the root carries the new summary, and its reply count says which copy is newer.</summary>
public sealed record ThreadUpdated(MessageDto Root) : ChatEvent(Root.ChannelId);

/// <summary>A channel was renamed, described, archived or unarchived; viewers take its new name and state.</summary>
public sealed record ChannelChanged(Guid ChannelId, string Name, bool IsArchived) : ChatEvent(ChannelId);

/// <summary>People joined or left a channel, or were added or removed; also sent to each of them.</summary>
public sealed record MembersChanged(Guid ChannelId, IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : ChatEvent(ChannelId);

/// <summary>A shared file's scan finished; the message shows it as clean (with its preview), removed or unscannable.</summary>
public sealed record FileScanned(Guid ChannelId, Guid MessageId, AttachmentDto File) : ChatEvent(ChannelId);

/// <summary>Sent to the reader alone: their read cursor in the channel moved (in one tab or client; the others follow).</summary>
public sealed record ReadStateChanged(Guid ChannelId, long LastReadSequence) : ChatEvent(ChannelId);

/// <summary>Sent to the uploader alone: their file was found infected and removed.</summary>
public sealed record FileRemovedAsMalware(Guid ChannelId, Guid FileId, string FileName) : ChatEvent(ChannelId);
