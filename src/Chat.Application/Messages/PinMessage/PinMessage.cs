using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Messages.PinMessage;

public sealed record PinMessage(Guid MessageId, bool Pinned);

/// <summary>Pins a message to its channel for everyone, or unpins it. Any member may, as in Slack.</summary>
public sealed class PinMessageHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IMessageStore messages,
    IChatEvents events,
    TimeProvider clock) : IUseCase<PinMessage, MessageDto>
{
    public async Task<Result<MessageDto>> HandleAsync(PinMessage request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var found = await channels.ReadableMessageAsync(messages, request.MessageId, userId.Value, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var (message, access) = found.Value;
        if (access.PostingRefusal() is { } refusal)
        {
            return refusal;
        }

        var pinned = await messages.ChangeAsync(
            request.MessageId, m => m.SetPinned(request.Pinned, userId.Value, clock.GetUtcNow()), cancellationToken);
        if (pinned.Succeeded && pinned.Value.Version != message.Version)
        {
            events.Publish(new MessagePinChanged(pinned.Value));
        }

        return pinned;
    }
}
