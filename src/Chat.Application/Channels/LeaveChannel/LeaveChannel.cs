using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels.LeaveChannel;

public sealed record LeaveChannel(Guid ChannelId);

/// <summary>Leaves a channel. Direct messages are not left; they are closed (a later capability).</summary>
public sealed class LeaveChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events)
    : IUseCase<LeaveChannel, Done>
{
    public async Task<Result<Done>> HandleAsync(LeaveChannel request, CancellationToken cancellationToken = default)
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

        if (access.Kind is ChannelKind.Direct or ChannelKind.Group)
        {
            return Error.Invalid("channel.leave_direct", "Direct messages cannot be left.");
        }

        if (access.IsMember)
        {
            await channels.RemoveMemberAsync(request.ChannelId, userId.Value, cancellationToken);
            events.PublishMembersChanged(new MembersChanged(request.ChannelId, [], [userId.Value]));
        }

        return Done.Instance;
    }
}
