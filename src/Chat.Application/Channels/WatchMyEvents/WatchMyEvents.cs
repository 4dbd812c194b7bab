using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Channels.WatchMyEvents;

/// <param name="Handler">Called, from any thread, with each event sent to the signed-in user.</param>
public sealed record WatchMyEvents(Func<ChatEvent, Task> Handler);

/// <summary>The signed-in user's own stream (added to or removed from conversations), until the subscription is disposed.</summary>
public sealed class WatchMyEventsHandler(ICurrentActor currentActor, IChatEvents events) : IUseCase<WatchMyEvents, IDisposable>
{
    public async Task<Result<IDisposable>> HandleAsync(WatchMyEvents request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return Result<IDisposable>.Success(events.SubscribeUser(userId.Value, request.Handler));
    }
}
