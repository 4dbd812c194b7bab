using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Channels.RemoveMember;

public sealed record RemoveMember(Guid ChannelId, string UserId);

/// <summary>The owner or an administrator removes someone from a channel; a private channel disappears for them at once.</summary>
public sealed class RemoveMemberHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events)
    : IUseCase<RemoveMember, Done>
{
    public async Task<Result<Done>> HandleAsync(RemoveMember request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var manageable = await channels.ManageableAsync(request.ChannelId, actor, cancellationToken);
        if (!manageable.Succeeded)
        {
            return manageable.Error!;
        }

        if (request.UserId == userId.Value)
        {
            return Error.Invalid("channel.remove_self", "To go, leave the channel instead.");
        }

        var members = await channels.ListMemberIdsAsync(request.ChannelId, cancellationToken);
        if (!members.Contains(request.UserId))
        {
            return Done.Instance;
        }

        await channels.RemoveMemberAsync(request.ChannelId, request.UserId, cancellationToken);
        events.PublishMembersChanged(new MembersChanged(request.ChannelId, [], [request.UserId]));
        return Done.Instance;
    }
}
