using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.People.OpenDirectMessage;

/// <param name="UserIds">The other people in the conversation (one for a direct message, up to seven for a group).</param>
public sealed record OpenDirectMessage(IReadOnlyList<string> UserIds);

/// <summary>Opens the direct or group conversation with these people, creating it the first time.</summary>
public sealed class OpenDirectMessageHandler(
    ICurrentActor currentActor, IUserDirectory directory, IChannelStore channels, IChatEvents events, TimeProvider clock)
    : IUseCase<OpenDirectMessage, ChannelAccess>
{
    public async Task<Result<ChannelAccess>> HandleAsync(OpenDirectMessage request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var others = (request.UserIds ?? []).Where(id => id != userId.Value).Distinct().ToList();
        if (others.Count >= Channel.MaxGroupSize)
        {
            return Error.Invalid("dm.too_many", $"Group messages have at most {Channel.MaxGroupSize} people.");
        }

        var found = await directory.FindAsync(others, cancellationToken);
        if (found.Count != others.Count)
        {
            return Error.NotFound("dm.unknown_person", "Some of those people are not in this workspace.");
        }

        var channel = Channel.OpenDirect(userId.Value, others, clock.GetUtcNow());
        if (!channel.Succeeded)
        {
            return channel.Error!;
        }

        // Adding fails when the conversation exists already; either way it is found by its derived name.
        if (await channels.AddAsync(channel.Value, cancellationToken))
        {
            // The others' sidebars list the new conversation at once, before its first message.
            events.PublishMembersChanged(new MembersChanged(channel.Value.Id, [.. channel.Value.Members.Select(m => m.UserId)], []));
        }

        var opened = await channels.FindByNameAsync(channel.Value.Name, userId.Value, cancellationToken);
        return opened is { IsMember: true } ? opened : ChannelErrors.NotFound;
    }
}
