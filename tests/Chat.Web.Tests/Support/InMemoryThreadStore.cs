using Chat.Application.Threads;

namespace Chat.Web.Tests.Support;

/// <summary>Thread following for component tests: who follows which root, and how far they read.</summary>
public sealed class InMemoryThreadStore : IThreadStore
{
    public Dictionary<(Guid RootId, string UserId), long> Followers { get; } = [];

    public Task<ThreadFollowing?> FindFollowingAsync(Guid rootMessageId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Followers.TryGetValue((rootMessageId, userId), out var read) ? new ThreadFollowing(read) : null);

    public Task SetFollowingAsync(
        Guid rootMessageId, Guid channelId, string userId, bool following, long readSequence, CancellationToken cancellationToken)
    {
        if (following)
        {
            Followers.TryAdd((rootMessageId, userId), readSequence);
        }
        else
        {
            Followers.Remove((rootMessageId, userId));
        }

        return Task.CompletedTask;
    }

    public Task MarkReadAsync(Guid rootMessageId, string userId, long sequence, CancellationToken cancellationToken)
    {
        if (Followers.TryGetValue((rootMessageId, userId), out var read) && read < sequence)
        {
            Followers[(rootMessageId, userId)] = sequence;
        }

        return Task.CompletedTask;
    }

    /// <summary>What the Threads view lists for anyone.</summary>
    public List<FollowedThread> Listed { get; } = [];

    public Task<IReadOnlyList<FollowedThread>> ListFollowedAsync(string userId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FollowedThread>>([.. Listed]);

    public Task<IReadOnlyDictionary<Guid, int>> CountUnreadRepliesAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(Listed.ToDictionary(t => t.Root.Id, t => t.UnreadReplies));
}
