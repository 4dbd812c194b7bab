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
            .Select(c => new ChannelSummary(c.ChannelId, c.Name, c.Kind, 0))
            .ToList());
}
