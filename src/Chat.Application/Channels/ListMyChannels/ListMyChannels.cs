using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Channels.ListMyChannels;

public sealed record ListMyChannels;

/// <summary>The signed-in user's conversations for the sidebar, archived ones left out.</summary>
public sealed class ListMyChannelsHandler(ICurrentActor currentActor, IChannelStore channels)
    : IUseCase<ListMyChannels, IReadOnlyList<ChannelSummary>>
{
    public async Task<Result<IReadOnlyList<ChannelSummary>>> HandleAsync(
        ListMyChannels request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return Result<IReadOnlyList<ChannelSummary>>.Success(
            await channels.ListForMemberAsync(userId.Value, cancellationToken));
    }
}
