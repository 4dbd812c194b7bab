using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels.CreateChannel;

public sealed record CreateChannel(string Name, ChannelKind Kind, string? Topic = null, string? Purpose = null);

/// <summary>Creates a public or private channel with the signed-in user as its owner.</summary>
public sealed class CreateChannelHandler(ICurrentActor currentActor, IChannelStore channels, IChatEvents events, TimeProvider clock)
    : IUseCase<CreateChannel, ChannelAccess>
{
    public async Task<Result<ChannelAccess>> HandleAsync(CreateChannel request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var name = ChannelName.Create(request.Name);
        if (!name.Succeeded)
        {
            return name.Error!;
        }

        // Direct messages are named dm-<hash of their members>; nobody may take such a name ahead of them.
        if (name.Value.Value.StartsWith("dm-", StringComparison.Ordinal))
        {
            return Error.Invalid("channel.name.reserved", "Names starting with 'dm-' are reserved for direct messages.");
        }

        var channel = Channel.Create(name.Value, request.Kind, userId.Value, clock.GetUtcNow());
        if (!channel.Succeeded)
        {
            return channel.Error!;
        }

        var described = channel.Value.Describe(request.Topic, request.Purpose);
        if (!described.Succeeded)
        {
            return described.Error!;
        }

        if (!await channels.AddAsync(channel.Value, cancellationToken))
        {
            return Error.Conflict("channel.name_taken", $"A channel named #{name.Value} already exists.");
        }

        // The creator's other tabs and clients learn of their new channel.
        events.PublishMembersChanged(new MembersChanged(channel.Value.Id, [userId.Value], []));
        return new ChannelAccess(channel.Value.Id, channel.Value.Name, channel.Value.Kind, false, ChannelRole.Owner);
    }
}
