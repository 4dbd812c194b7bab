using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Channels.BrowseChannels;

public sealed record BrowseChannels;

/// <summary>Lists the public channels anyone in the workspace can join.</summary>
public sealed class BrowseChannelsHandler(ICurrentActor currentActor, IChannelStore channels)
    : IUseCase<BrowseChannels, IReadOnlyList<PublicChannel>>
{
    public async Task<Result<IReadOnlyList<PublicChannel>>> HandleAsync(
        BrowseChannels request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return Result<IReadOnlyList<PublicChannel>>.Success(await channels.ListPublicAsync(userId.Value, cancellationToken));
    }
}
