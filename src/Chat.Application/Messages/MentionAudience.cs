using Chat.Application.Channels;
using Chat.Application.People;
using Chat.Application.Presence;
using Chat.Domain.Messages;

namespace Chat.Application.Messages;

/// <summary>Turns the mentions typed in a message into the members they reach.</summary>
internal static class MentionAudience
{
    /// <summary>
    /// The channel's members the text mentions by handle, plus, for @here, the members online now. People outside the
    /// channel are not reached, as they cannot read the message; the sender never mentions themselves.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> ResolveAsync(
        this IUserDirectory directory,
        IChannelStore channels,
        IPresence presence,
        Guid channelId,
        string senderId,
        Mentions mentions,
        CancellationToken cancellationToken)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        if (mentions.Handles.Count > 0)
        {
            var named = await directory.FindByHandlesAsync([.. mentions.Handles], cancellationToken);
            candidates.UnionWith(named.Select(p => p.Id));
        }

        var members = candidates.Count == 0 && mentions.Broadcast != Broadcast.Here
            ? []
            : await channels.ListMemberIdsAsync(channelId, cancellationToken);
        var reached = members.Where(candidates.Contains).ToHashSet(StringComparer.Ordinal);
        if (mentions.Broadcast == Broadcast.Here)
        {
            reached.UnionWith(members.Where(m => presence.StatusOf(m) is PresenceStatus.Online or PresenceStatus.DoNotDisturb));
        }

        reached.Remove(senderId);
        return reached;
    }
}
