using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Common;

namespace Chat.Application.Channels.DescribeChannel;

public sealed record DescribeChannel(Guid ChannelId, string? Topic, string? Purpose);

/// <summary>The owner or an administrator sets what a channel is about (topic) and what it is for (purpose).</summary>
public sealed class DescribeChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events)
    : IUseCase<DescribeChannel, Done>
{
    public async Task<Result<Done>> HandleAsync(DescribeChannel request, CancellationToken cancellationToken = default)
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

        var changed = await channels.ChangeAsync(request.ChannelId, c => c.Describe(request.Topic, request.Purpose), cancellationToken);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        events.Publish(new ChannelChanged(request.ChannelId, changed.Value.Name, changed.Value.IsArchived));
        return Done.Instance;
    }
}
