using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels.JoinChannel;

public sealed record JoinChannel(Guid ChannelId);

/// <summary>Joins a public channel; private channels are entered only by invitation.</summary>
public sealed class JoinChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events, TimeProvider clock)
    : IUseCase<JoinChannel, Done>
{
    public async Task<Result<Done>> HandleAsync(JoinChannel request, CancellationToken cancellationToken = default)
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

        if (access.IsMember)
        {
            return Done.Instance;
        }

        if (access.Kind != ChannelKind.Public)
        {
            return ChannelErrors.NotFound;
        }

        if (access.IsArchived)
        {
            return ChannelErrors.Archived;
        }

        await channels.AddMemberAsync(request.ChannelId, userId.Value, clock.GetUtcNow(), cancellationToken);
        events.PublishMembersChanged(new MembersChanged(request.ChannelId, [userId.Value], []));
        return Done.Instance;
    }
}
