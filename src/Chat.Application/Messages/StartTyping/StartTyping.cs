using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.People;
using Chat.Domain.Common;

namespace Chat.Application.Messages.StartTyping;

public sealed record StartTyping(Guid ChannelId);

/// <summary>Tells the channel's viewers that the member is typing. Clients call it at most every few seconds.</summary>
public sealed class StartTypingHandler(
    ICurrentActor currentActor, IChannelStore channels, IUserDirectory directory, IChatEvents events)
    : IUseCase<StartTyping, Done>
{
    public async Task<Result<Done>> HandleAsync(StartTyping request, CancellationToken cancellationToken = default)
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

        var access = readable.Value;

        if (access.PostingRefusal() is { } refusal)
        {
            return refusal;
        }

        var me = (await directory.FindAsync([userId.Value], cancellationToken)).SingleOrDefault();
        events.Publish(new UserTyping(request.ChannelId, userId.Value, me?.DisplayName ?? "Someone"));
        return Done.Instance;
    }
}
