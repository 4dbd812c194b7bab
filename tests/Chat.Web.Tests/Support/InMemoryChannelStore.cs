using Chat.Application.Channels;
using Chat.Domain.Channels;

namespace Chat.Web.Tests.Support;

/// <summary>Channels for component tests: every listed channel has the test user as a member.</summary>
public sealed class InMemoryChannelStore : IChannelStore
{
    public List<ChannelAccess> Channels { get; } = [];

    public Task<ChannelAccess?> GetAccessAsync(Guid channelId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Channels.FirstOrDefault(c => c.ChannelId == channelId));

    public Task<ChannelAccess?> FindByNameAsync(string name, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Channels.FirstOrDefault(c => c.Name == name));

    public Task<IReadOnlyList<ChannelSummary>> ListForMemberAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelSummary>>(Channels
            .Where(c => c.IsMember && !c.IsArchived)
            .Select(c => new ChannelSummary(c.ChannelId, c.Name, c.Kind, ReadCursors.GetValueOrDefault(c.ChannelId), 0, c.Name, 0)
            {
                PeerIds = Peers.GetValueOrDefault(c.ChannelId, []),
            })
            .ToList());

    public Dictionary<Guid, long> ReadCursors { get; } = [];

    /// <summary>The other people of direct messages, by channel.</summary>
    public Dictionary<Guid, IReadOnlyList<string>> Peers { get; } = [];

    public Task<bool> AddAsync(Channel channel, CancellationToken cancellationToken)
    {
        if (Channels.Any(c => c.Name == channel.Name))
        {
            return Task.FromResult(false);
        }

        Channels.Add(new ChannelAccess(channel.Id, channel.Name, channel.Kind, false, ChannelRole.Owner));
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<PublicChannel>> ListPublicAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PublicChannel>>(Channels
            .Where(c => c.Kind == ChannelKind.Public && !c.IsArchived)
            .Select(c => new PublicChannel(c.ChannelId, c.Name, "", c.IsMember ? 1 : 0, c.IsMember))
            .ToList());

    public Task<Chat.Domain.Common.Result<Channel>> ChangeAsync(
        Guid channelId, Func<Channel, Chat.Domain.Common.Result> change, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Component tests do not change channels.");

    public Task<IReadOnlyList<string>> ListMemberIdsAsync(Guid channelId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task AddMemberAsync(Guid channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetRole(channelId, ChannelRole.Member);

    public Task RemoveMemberAsync(Guid channelId, string userId, CancellationToken cancellationToken) =>
        SetRole(channelId, null);

    private Task SetRole(Guid channelId, ChannelRole? role)
    {
        var index = Channels.FindIndex(c => c.ChannelId == channelId);
        Channels[index] = Channels[index] with { Role = role };
        return Task.CompletedTask;
    }

    public Task<bool> MarkReadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        if (!Channels.Any(c => c.ChannelId == channelId && c.Role is not null))
        {
            return Task.FromResult(false);
        }

        ReadCursors[channelId] = Math.Max(ReadCursors.GetValueOrDefault(channelId), sequence);
        return Task.FromResult(true);
    }

    public Task MarkUnreadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        ReadCursors[channelId] = sequence - 1;
        return Task.CompletedTask;
    }
}
