using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Domain.Users;
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

    /// <summary>Every conversation the user may read now, by id: the public channels and those they are in.</summary>
    public static async Task<Dictionary<Guid, ReadableConversation>> ListReadableAsync(
        this IChannelStore channels, string userId, CancellationToken cancellationToken)
    {
        var readable = (await channels.ListPublicAsync(userId, cancellationToken))
            .ToDictionary(c => c.Id, c => new ReadableConversation(c.Name, $"#{c.Name}", ChannelKind.Public, []));
        foreach (var mine in await channels.ListForMemberAsync(userId, cancellationToken))
        {
            readable[mine.Id] = new ReadableConversation(mine.Name, mine.Title, mine.Kind, mine.PeerIds);
        }

        return readable;
    }

    /// <summary>A message in a channel the user may read, with that access; otherwise "not found".</summary>
    public static async Task<Result<(MessageDto Message, ChannelAccess Access)>> ReadableMessageAsync(
        this IChannelStore channels, IMessageStore messages, Guid messageId, string userId, CancellationToken cancellationToken)
    {
        var message = await messages.FindAsync(messageId, cancellationToken);
        var access = message is null ? null : await channels.GetAccessAsync(message.ChannelId, userId, cancellationToken);
        return access is { CanRead: true } ? (message!, access) : ChannelErrors.MessageNotFound;
    }

    /// <summary>The actor's access to a channel they may manage (owner or workspace administrator); otherwise why not.</summary>
    public static async Task<Result<ChannelAccess>> ManageableAsync(
        this IChannelStore channels, Guid channelId, Actor actor, CancellationToken cancellationToken)
    {
        var readable = await channels.ReadableAsync(channelId, actor.UserId!, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        return readable.Value.CanManage(actor.IsInRole(WorkspaceRoles.WorkspaceAdmin))
            ? readable.Value
            : Error.Forbidden("channel.not_owner", "Only the channel's owner or a workspace administrator can do that.");
    }

    /// <summary>Why the user may not post or react here, or null when they may.</summary>
    public static Error? PostingRefusal(this ChannelAccess access) =>
        access.CanPost ? null : access.IsArchived ? ChannelErrors.Archived : ChannelErrors.NotMember;
}

/// <param name="Title">"#name", or the other people of a direct message.</param>
/// <param name="PeerIds">For direct and group messages, the other people in it.</param>
internal sealed record ReadableConversation(string Name, string Title, ChannelKind Kind, IReadOnlyList<string> PeerIds);
