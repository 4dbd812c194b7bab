using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.People;
using Chat.Domain.Common;

namespace Chat.Application.Channels.AddMembers;

public sealed record AddMembers(Guid ChannelId, IReadOnlyList<string> UserIds)
{
    public const int MaxAtOnce = 100;
}

/// <summary>
/// Invites people into a channel. Members of a private channel invite others (as in Slack); for public channels
/// anyone may join by themselves, and members may add others. The new members' sidebars update live.
/// </summary>
public sealed class AddMembersHandler(
    ICurrentActor currentActor, IChannelStore channels, IUserDirectory directory, IChatEvents events, TimeProvider clock)
    : IUseCase<AddMembers, Done>
{
    public async Task<Result<Done>> HandleAsync(AddMembers request, CancellationToken cancellationToken = default)
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

        if (readable.Value.PostingRefusal() is { } refusal)
        {
            return refusal;
        }

        if (readable.Value.Kind is not (Domain.Channels.ChannelKind.Public or Domain.Channels.ChannelKind.Private))
        {
            return Error.Invalid("channel.add_direct", "Start a new group message to talk with more people.");
        }

        if (request.UserIds is not { Count: > 0 and <= AddMembers.MaxAtOnce })
        {
            return Error.Invalid("channel.add_count", $"Add between 1 and {AddMembers.MaxAtOnce} people at a time.");
        }

        var people = await directory.FindAsync([.. request.UserIds.Distinct()], cancellationToken);
        if (people.Count != request.UserIds.Distinct().Count())
        {
            return Error.Invalid("channel.add_unknown", "Some of those people do not exist.");
        }

        var members = (await channels.ListMemberIdsAsync(request.ChannelId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = people.Select(p => p.Id).Where(id => !members.Contains(id)).ToList();
        foreach (var person in added)
        {
            await channels.AddMemberAsync(request.ChannelId, person, clock.GetUtcNow(), cancellationToken);
        }

        if (added.Count > 0)
        {
            events.PublishMembersChanged(new MembersChanged(request.ChannelId, added, []));
        }

        return Done.Instance;
    }
}
