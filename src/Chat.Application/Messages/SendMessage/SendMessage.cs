using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Files;
using Chat.Application.People;
using Chat.Application.Presence;
using Chat.Domain.Common;
using Chat.Domain.Messages;

namespace Chat.Application.Messages.SendMessage;

/// <param name="ClientMessageId">Made by the client once per message and reused on every retry.</param>
/// <param name="ThreadRootId">The message whose thread this replies in; null posts to the channel.</param>
/// <param name="AlsoSendToChannel">For a reply: show it in the channel too.</param>
/// <param name="FileIds">Files the sender uploaded to this channel and shares with the message; the text may then be empty.</param>
public sealed record SendMessage(
    Guid ChannelId, Guid ClientMessageId, string Body, Guid? ThreadRootId = null, bool AlsoSendToChannel = false,
    IReadOnlyList<Guid>? FileIds = null);

/// <summary>
/// Posts a message or a thread reply: stored with the channel's next sequence first, announced to viewers after.
/// Mentions reach the channel's members only.
/// </summary>
public sealed class SendMessageHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IMessageStore messages,
    IUserDirectory directory,
    IPresence presence,
    IFileRecords files,
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

        var fileIds = (request.FileIds ?? []).Distinct().ToList();
        if (fileIds.Count > MessageBody.MaxFiles)
        {
            return Error.Invalid("message.too_many_files", $"Share at most {MessageBody.MaxFiles} files with one message.");
        }

        var body = fileIds.Count > 0 ? MessageBody.Caption(request.Body) : MessageBody.Create(request.Body);
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

        if (request.ThreadRootId is { } rootId)
        {
            var root = await messages.FindAsync(rootId, cancellationToken);
            if (root is null || root.ChannelId != request.ChannelId)
            {
                return ChannelErrors.MessageNotFound;
            }

            if (root.ThreadRootId is not null)
            {
                return Error.Invalid("thread.nested", "Replies go in the thread of the message that started it.");
            }
        }

        if (fileIds.Count > 0)
        {
            // A retry finds its files shared with the message it stored the first time: answer with that message.
            if (await messages.FindSentAsync(userId.Value, request.ClientMessageId, cancellationToken) is { } sent)
            {
                return sent;
            }

            foreach (var fileId in fileIds)
            {
                var file = await files.FindAsync(fileId, cancellationToken);
                if (file is null || file.ChannelId != request.ChannelId || file.UploaderId != userId.Value || file.MessageId is not null)
                {
                    return Error.Invalid(
                        "message.file_not_shareable", "One of the files cannot be shared here: upload it to this conversation first.");
                }
            }
        }

        var mentioned = await directory.ResolveAsync(
            channels, presence, request.ChannelId, userId.Value, Mentions.Parse(body.Value.Value), cancellationToken);
        var appended = await messages.AppendAsync(
            new NewMessage(
                request.ChannelId,
                userId.Value,
                request.ClientMessageId,
                body.Value,
                clock.GetUtcNow(),
                request.ThreadRootId,
                request.ThreadRootId is not null && request.AlsoSendToChannel) { MentionedUserIds = mentioned, FileIds = fileIds },
            cancellationToken);
        if (appended.Created)
        {
            events.Publish(new MessagePosted(appended.Message));
            if (request.ThreadRootId is { } repliedTo && await messages.FindAsync(repliedTo, cancellationToken) is { } root)
            {
                events.Publish(new ThreadUpdated(root));
            }
        }

        return appended.Message;
    }
}
