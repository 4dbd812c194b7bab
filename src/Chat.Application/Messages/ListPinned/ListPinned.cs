using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Messages.ListPinned;

public sealed record ListPinned(Guid ChannelId);

/// <summary>The pinned messages of a channel the user may read.</summary>
public sealed class ListPinnedHandler(ICurrentActor currentActor, IChannelStore channels, IMessageStore messages)
    : IUseCase<ListPinned, IReadOnlyList<MessageDto>>
{
    public async Task<Result<IReadOnlyList<MessageDto>>> HandleAsync(ListPinned request, CancellationToken cancellationToken = default)
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

        return Result<IReadOnlyList<MessageDto>>.Success(await messages.ListPinnedAsync(request.ChannelId, cancellationToken));
    }
}
