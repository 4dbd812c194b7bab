using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Messages.WatchChannel;

/// <param name="OnEvent">Called for each event of the channel, on the publisher's thread.</param>
public sealed record WatchChannel(Guid ChannelId, Func<ChatEvent, Task> OnEvent);

/// <summary>Starts live delivery of a channel's events to someone who may read it; dispose the result to stop.</summary>
public sealed class WatchChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events)
    : IUseCase<WatchChannel, IDisposable>
{
    public async Task<Result<IDisposable>> HandleAsync(WatchChannel request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        return Result<IDisposable>.Success(events.Subscribe(request.ChannelId, request.OnEvent));
    }
}
