using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels.RenameChannel;

public sealed record RenameChannel(Guid ChannelId, string Name);

/// <summary>The owner or an administrator renames a channel; everyone viewing it sees the new name at once.</summary>
public sealed class RenameChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events)
    : IUseCase<RenameChannel, ChannelAccess>
{
    public async Task<Result<ChannelAccess>> HandleAsync(RenameChannel request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var name = ChannelName.Create(request.Name);
        if (!name.Succeeded)
        {
            return name.Error!;
        }

        var manageable = await channels.ManageableAsync(request.ChannelId, actor, cancellationToken);
        if (!manageable.Succeeded)
        {
            return manageable.Error!;
        }

        var renamed = await channels.ChangeAsync(request.ChannelId, c => c.Rename(name.Value), cancellationToken);
        if (!renamed.Succeeded)
        {
            return renamed.Error!;
        }

        events.Publish(new ChannelChanged(request.ChannelId, renamed.Value.Name, renamed.Value.IsArchived));
        return manageable.Value with { Name = renamed.Value.Name };
    }
}
