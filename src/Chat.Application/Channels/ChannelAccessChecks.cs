using Chat.Application.Messages;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels;

/// <summary>The access checks every channel and message use case starts with, in one place.</summary>
internal static class ChannelAccessChecks
{
    /// <summary>The user's access to a channel they may read; a channel they may not read answers like a missing one.</summary>
    public static async Task<Result<ChannelAccess>> ReadableAsync(
        this IChannelStore channels, Guid channelId, string userId, CancellationToken cancellationToken)
    {
        var access = await channels.GetAccessAsync(channelId, userId, cancellationToken);
        return access is { CanRead: true } ? access : ChannelErrors.NotFound;
    }

    /// <summary>A message in a channel the user may read, with that access; otherwise "not found".</summary>
    public static async Task<Result<(MessageDto Message, ChannelAccess Access)>> ReadableMessageAsync(
        this IChannelStore channels, IMessageStore messages, Guid messageId, string userId, CancellationToken cancellationToken)
    {
        var message = await messages.FindAsync(messageId, cancellationToken);
        var access = message is null ? null : await channels.GetAccessAsync(message.ChannelId, userId, cancellationToken);
        return access is { CanRead: true } ? (message!, access) : ChannelErrors.MessageNotFound;
    }

    /// <summary>Why the user may not post or react here, or null when they may.</summary>
    public static Error? PostingRefusal(this ChannelAccess access) =>
        access.CanPost ? null : access.IsArchived ? ChannelErrors.Archived : ChannelErrors.NotMember;
}
