using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;
using Chat.Domain.Messages;

namespace Chat.Application.Messages.EditMessage;

public sealed record EditMessage(Guid MessageId, string Body);

/// <summary>Replaces the text of the user's own message; viewers see it marked "edited".</summary>
public sealed class EditMessageHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IMessageStore messages,
    IChatEvents events,
    TimeProvider clock) : IUseCase<EditMessage, MessageDto>
{
    public async Task<Result<MessageDto>> HandleAsync(EditMessage request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var body = MessageBody.Create(request.Body);
        if (!body.Succeeded)
        {
            return body.Error!;
        }

        var found = await channels.ReadableMessageAsync(messages, request.MessageId, userId.Value, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var (message, access) = found.Value;
        if (access.IsArchived)
        {
            return ChannelErrors.Archived;
        }

        var edited = await messages.ChangeAsync(
            request.MessageId, m => m.Edit(userId.Value, body.Value, clock.GetUtcNow()), cancellationToken);
        if (edited.Succeeded && edited.Value.Version != message.Version)
        {
            events.Publish(new MessageEdited(edited.Value));
        }

        return edited;
    }
}
