using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

/// <summary>
/// What every message in a list shares: the viewer's rights, the message being edited, the marks, the time zone and
/// the actions. Equal options are kept as one instance, so a block of messages can tell by reference that none changed.
/// </summary>
public sealed record MessageListOptions(
    string? ViewerId,
    bool CanModerate,
    bool CanReact,
    Guid? EditingMessageId,
    long? FirstUnreadSequence,
    long? HighlightSequence,
    TimeZoneInfo Zone,
    EventCallback<(MessageDto Message, string EmojiId)> OnToggleReaction,
    EventCallback<MessageDto> OnEditRequested,
    EventCallback<(MessageDto Message, string Text)> OnSave,
    EventCallback OnCancelEdit,
    EventCallback<MessageDto> OnDelete,
    EventCallback<MessageDto> OnPin,
    EventCallback<MessageDto> OnMarkUnread,
    EventCallback<MessageDto> OnOpenThread)
{
    /// <summary><paramref name="next"/>, or <paramref name="kept"/> when they are equal, so one instance stands for equal options.</summary>
    public static MessageListOptions Keep(MessageListOptions? kept, MessageListOptions next) => next == kept ? kept : next;
}
