using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;
using Chat.Domain.Messages;

namespace Chat.Application.Messages.SendMessage;

/// <param name="ClientMessageId">Made by the client once per message and reused on every retry.</param>
public sealed record SendMessage(Guid ChannelId, Guid ClientMessageId, string Body);

/// <summary>Posts a message: stored with the channel's next sequence first, announced to viewers after.</summary>
public sealed class SendMessageHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IMessageStore messages,
    IChatEvents events,
    IRateLimits rateLimits,
    TimeProvider clock) : IUseCase<SendMessage, MessageDto>
{
    public async Task<Result<MessageDto>> HandleAsync(SendMessage request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.ClientMessageId == Guid.Empty)
        {
            return Error.Invalid("message.client_id_missing", "The message has no client message id.");
        }

        var body = MessageBody.Create(request.Body);
        if (!body.Succeeded)
        {
            return body.Error!;
        }

        var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        var access = readable.Value;

        if (!access.IsMember)
        {
            return ChannelErrors.NotMember;
        }

        if (access.IsArchived)
        {
            return ChannelErrors.Archived;
        }

        if (!rateLimits.TryAcquireSend(userId.Value))
        {
            return Error.RateLimited(
                "message.rate_limited", "You are sending messages too fast. Wait a moment and send again.");
        }

        var appended = await messages.AppendAsync(
            request.ChannelId, userId.Value, request.ClientMessageId, body.Value, clock.GetUtcNow(), cancellationToken);
        if (appended.Created)
        {
            events.Publish(new MessagePosted(appended.Message));
        }

        return appended.Message;
    }
}
