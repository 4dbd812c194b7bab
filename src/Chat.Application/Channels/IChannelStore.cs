using Chat.Domain.Channels;

namespace Chat.Application.Channels;

/// <summary>Reads and writes channels and their memberships.</summary>
public interface IChannelStore
{
    /// <summary>What <paramref name="userId"/> may do in the channel; null when the channel does not exist.</summary>
    Task<ChannelAccess?> GetAccessAsync(Guid channelId, string userId, CancellationToken cancellationToken);

    /// <summary>The channel with this name, as <paramref name="userId"/> sees it; null when there is none.</summary>
    Task<ChannelAccess?> FindByNameAsync(string name, string userId, CancellationToken cancellationToken);

    /// <summary>The conversations the user belongs to that are not archived, for the sidebar.</summary>
    Task<IReadOnlyList<ChannelSummary>> ListForMemberAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>A line in the sidebar.</summary>
public sealed record ChannelSummary(Guid Id, string Name, ChannelKind Kind, long LastSequence);
