using Chat.Application.Common;
using Chat.Domain.Channels;
using Chat.Domain.Common;

namespace Chat.Application.Channels.OpenChannel;

public sealed record OpenChannel(string Name);

/// <summary>Finds a channel by the name in its address (<c>/c/{name}</c>) if the user may read it.</summary>
public sealed class OpenChannelHandler(ICurrentActor currentActor, IChannelStore channels)
    : IUseCase<OpenChannel, ChannelAccess>
{
    public async Task<Result<ChannelAccess>> HandleAsync(OpenChannel request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var name = ChannelName.Create(request.Name);
        if (!name.Succeeded)
        {
            return ChannelErrors.NotFound;
        }

        var access = await channels.FindByNameAsync(name.Value.Value, userId.Value, cancellationToken);
        return access is { CanRead: true } ? access : ChannelErrors.NotFound;
    }
}
