using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Channels.MarkRead;

/// <param name="Sequence">The newest sequence the user has now seen.</param>
/// <param name="Unread">True to mark the channel unread from <paramref name="Sequence"/> on instead.</param>
public sealed record MarkRead(Guid ChannelId, long Sequence, bool Unread = false);

/// <summary>Moves the signed-in member's read cursor in a channel (forward on reading, back on "mark unread").</summary>
public sealed class MarkReadHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events) : IUseCase<MarkRead, Done>
{
    public async Task<Result<Done>> HandleAsync(MarkRead request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.Sequence < 1)
        {
            return Error.Invalid("read.sequence", "Sequences start at 1.");
        }

        // Read state lives on the membership. Moving one's own cursor forward needs no access check of its own, since
        // only a member has one to move (and every viewer of a busy channel saves theirs every few seconds); whoever
        // has none is checked: a non-member reading a public channel is done, others are told it does not exist.
        if (!request.Unread && !await channels.MarkReadAsync(request.ChannelId, userId.Value, request.Sequence, cancellationToken))
        {
            var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
            return readable.Succeeded ? Done.Instance : readable.Error!;
        }

        if (request.Unread)
        {
            var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
            if (!readable.Succeeded)
            {
                return readable.Error!;
            }

            if (!readable.Value.IsMember)
            {
                return Done.Instance;
            }

            await channels.MarkUnreadAsync(request.ChannelId, userId.Value, request.Sequence, cancellationToken);
        }

        // The user's other tabs and API clients update their unread counts.
        events.PublishToUser(userId.Value, new ReadStateChanged(request.ChannelId, request.Unread ? request.Sequence - 1 : request.Sequence));
        return Done.Instance;
    }
}
