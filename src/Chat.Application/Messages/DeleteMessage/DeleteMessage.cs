using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Files.DeleteMessageFiles;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Messages.DeleteMessage;

public sealed record DeleteMessage(Guid MessageId);

/// <summary>Deletes a message (own, or any for a workspace administrator), leaving a tombstone; its files go with it.</summary>
public sealed class DeleteMessageHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IMessageStore messages,
    IChatEvents events,
    DeleteMessageFiles files,
    TimeProvider clock) : IUseCase<DeleteMessage, MessageDto>
{
    public async Task<Result<MessageDto>> HandleAsync(DeleteMessage request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var found = await channels.ReadableMessageAsync(messages, request.MessageId, userId.Value, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var message = found.Value.Message;

        var isAdministrator = actor.IsInRole(WorkspaceRoles.WorkspaceAdmin);
        var deleted = await messages.ChangeAsync(
            request.MessageId, m => m.Delete(userId.Value, isAdministrator, clock.GetUtcNow()), cancellationToken);
        if (deleted.Succeeded && deleted.Value.Version != message.Version)
        {
            events.Publish(new MessageDeleted(deleted.Value));
            await files.RunAsync(request.MessageId, cancellationToken);
        }

        return deleted;
    }
}
