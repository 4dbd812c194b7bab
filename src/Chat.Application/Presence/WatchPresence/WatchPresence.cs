using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Presence.WatchPresence;

/// <param name="Changed">Called with a user and their new status, from any thread.</param>
public sealed record WatchPresence(IReadOnlyCollection<string> UserIds, Func<string, PresenceStatus, Task> Changed);

/// <param name="Statuses">Each watched user's status now; later changes go to the callback.</param>
public sealed record PresenceWatch(IReadOnlyDictionary<string, PresenceStatus> Statuses, IDisposable Subscription);

/// <summary>Colleagues' statuses now and as they change, until the returned subscription is disposed.</summary>
public sealed class WatchPresenceHandler(ICurrentActor currentActor, IPresence presence) : IUseCase<WatchPresence, PresenceWatch>
{
    public const int MaxUsers = 500;

    public async Task<Result<PresenceWatch>> HandleAsync(WatchPresence request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.UserIds.Count > MaxUsers)
        {
            return Error.Invalid("presence.too_many", $"Watch at most {MaxUsers} people at once.");
        }

        // Subscribe first, so a change between reading and subscribing is not lost.
        var subscription = presence.Watch(request.UserIds, request.Changed);
        return new PresenceWatch(request.UserIds.Distinct().ToDictionary(id => id, presence.StatusOf), subscription);
    }
}
