using Chat.Application.Common;
using Chat.Application.Profile;
using Chat.Domain.Users;

namespace Chat.Application.Tests;

internal sealed class FixedActor(Actor actor) : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);

    public static FixedActor User(string id, params string[] roles) => new(new Actor(id, roles.ToHashSet()));

    public static FixedActor Anonymous { get; } = new(Actor.Anonymous);
}

/// <summary>An in-memory profile store with the same contract as the database one.</summary>
internal sealed class InMemoryProfileStore : IUserProfileStore
{
    public Dictionary<string, UserProfile> Profiles { get; } = [];

    public Task<UserProfile?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Profiles.GetValueOrDefault(userId));

    public Task<bool> SetDisplayNameAsync(string userId, DisplayName displayName, CancellationToken cancellationToken) =>
        Task.FromResult(Update(userId, p => p with { DisplayName = displayName.Value }));

    public Task<bool> SetThemeAsync(string userId, ThemePreference theme, CancellationToken cancellationToken) =>
        Task.FromResult(Update(userId, p => p with { Theme = theme }));

    private bool Update(string userId, Func<UserProfile, UserProfile> change)
    {
        if (!Profiles.TryGetValue(userId, out var profile))
        {
            return false;
        }

        Profiles[userId] = change(profile);
        return true;
    }
}
