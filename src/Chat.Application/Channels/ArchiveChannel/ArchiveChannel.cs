using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Channels.ArchiveChannel;

/// <param name="Archive">True archives (read-only, out of sidebars), false brings the channel back.</param>
public sealed record ArchiveChannel(Guid ChannelId, bool Archive);

/// <summary>The owner or an administrator archives or unarchives a channel; its history stays readable.</summary>
public sealed class ArchiveChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events)
    : IUseCase<ArchiveChannel, Done>
{
    public async Task<Result<Done>> HandleAsync(ArchiveChannel request, CancellationToken cancellationToken = default)
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

        var changed = await channels.ChangeAsync(request.ChannelId, c => c.SetArchived(request.Archive), cancellationToken);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        events.Publish(new ChannelChanged(request.ChannelId, changed.Value.Name, changed.Value.IsArchived));
        return Done.Instance;
    }
}
