using Chat.Application.Common;
using Chat.Application.People;
using Chat.Domain.Common;

namespace Chat.Application.Channels.ListMembers;

public sealed record ListMembers(Guid ChannelId);

/// <param name="CanManage">Whether the viewer may remove members and rename or archive the channel.</param>
public sealed record ChannelMembers(IReadOnlyList<Person> Members, bool CanManage);

/// <summary>Who is in a channel the viewer can read, by name.</summary>
public sealed class ListMembersHandler(ICurrentActor currentActor, IChannelStore channels, IUserDirectory directory)
    : IUseCase<ListMembers, ChannelMembers>
{
    public async Task<Result<ChannelMembers>> HandleAsync(ListMembers request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        var ids = await channels.ListMemberIdsAsync(request.ChannelId, cancellationToken);
        var people = await directory.FindAsync(ids, cancellationToken);
        return new ChannelMembers(
            [.. people.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)],
            readable.Value.CanManage(actor.IsInRole(Domain.Users.WorkspaceRoles.WorkspaceAdmin)));
    }
}
