using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;
using Chat.Domain.Messages;

namespace Chat.Application.Messages.ToggleReaction;

/// <param name="On">Null toggles; true adds the reaction unless it is there, false takes it back unless it is not.</param>
public sealed record ToggleReaction(Guid MessageId, string EmojiId, bool? On = null);

/// <summary>Adds the member's reaction to a message, or takes it back when it is already there.</summary>
public sealed class ToggleReactionHandler(
    ICurrentActor currentActor,
    IChannelStore channels,
    IMessageStore messages,
    IChatEvents events,
    TimeProvider clock) : IUseCase<ToggleReaction, MessageDto>
{
    public async Task<Result<MessageDto>> HandleAsync(ToggleReaction request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (!Emoji.IsKnown(request.EmojiId))
        {
            return Error.Invalid("reaction.unknown_emoji", $"'{request.EmojiId}' is not one of the workspace's reactions.");
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

        if (message.IsDeleted)
        {
            return Error.Invalid("message.deleted", "You cannot react to a deleted message.");
        }

        var reacted = message.Reactions.Any(r => r.EmojiId == request.EmojiId && r.UserIds.Contains(userId.Value));
        if (request.On == reacted)
        {
            return message;
        }

        var updated = await messages.ToggleReactionAsync(
            request.MessageId, userId.Value, request.EmojiId, clock.GetUtcNow(), cancellationToken);
        events.Publish(new ReactionsChanged(updated));
        return updated;
    }
}
