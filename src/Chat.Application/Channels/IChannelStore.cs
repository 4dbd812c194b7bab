using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels;

/// <summary>Reads and writes channels and their memberships.</summary>
public interface IChannelStore
{
    /// <summary>What <paramref name="userId"/> may do in the channel; null when the channel does not exist.</summary>
    Task<ChannelAccess?> GetAccessAsync(Guid channelId, string userId, CancellationToken cancellationToken);

    /// <summary>The channel with this name, as <paramref name="userId"/> sees it; null when there is none.</summary>
    Task<ChannelAccess?> FindByNameAsync(string name, string userId, CancellationToken cancellationToken);

    /// <summary>The conversations the user belongs to that are not archived, for the sidebar, with unread counts.</summary>
    Task<IReadOnlyList<ChannelSummary>> ListForMemberAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores a new channel with its members; false when the name is taken.</summary>
    Task<bool> AddAsync(Channel channel, CancellationToken cancellationToken);

    /// <summary>Public channels that are not archived, with member counts and whether the user is in them.</summary>
    Task<IReadOnlyList<PublicChannel>> ListPublicAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Loads the channel, applies <paramref name="change"/> and stores it when it succeeded; a name another channel
    /// has fails with "name taken". Returns the channel as it is now.
    /// </summary>
    Task<Result<Channel>> ChangeAsync(Guid channelId, Func<Channel, Result> change, CancellationToken cancellationToken);

    /// <summary>The ids of the channel's members.</summary>
    Task<IReadOnlyList<string>> ListMemberIdsAsync(Guid channelId, CancellationToken cancellationToken);

    /// <summary>Makes the user a member; joining twice changes nothing.</summary>
    Task AddMemberAsync(Guid channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends the user's membership; leaving twice changes nothing.</summary>
    Task RemoveMemberAsync(Guid channelId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the member's read cursor forward to <paramref name="sequence"/> (never back). Answers false, moving
    /// nothing, when the user is not a member.
    /// </summary>
    Task<bool> MarkReadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken);

    /// <summary>Sets the member's read cursor just before <paramref name="sequence"/>, so it shows as unread again.</summary>
    Task MarkUnreadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken);
}

/// <summary>A line in the channel browser.</summary>
public sealed record PublicChannel(Guid Id, string Name, string Topic, int MemberCount, bool IsMember);

/// <summary>A line in the sidebar.</summary>
/// <param name="Unread">Messages from others after the user's read cursor (deleted ones and thread-only replies left out).</param>
/// <param name="Title">What the sidebar shows: the channel's name, or the other people of a direct message.</param>
/// <param name="LastSequence">The newest message's sequence when this was read, so live counting never counts it twice.</param>
public sealed record ChannelSummary(
    Guid Id, string Name, ChannelKind Kind, long LastReadSequence, int Unread, string Title, long LastSequence)
{
    /// <summary>Unread messages that mention the user, by name, @here or @channel.</summary>
    public int Mentions { get; init; }

    /// <summary>For direct and group messages, the other people in it, whose presence the sidebar shows.</summary>
    public IReadOnlyList<string> PeerIds { get; init; } = [];
}
