using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Messages.GetHistory;

/// <summary>
/// A page of a channel's messages by sequence (keyset paging): after a sequence to catch up, before one to
/// scroll back, or neither for the newest page.
/// </summary>
public sealed record GetHistory(Guid ChannelId, long? AfterSequence = null, long? BeforeSequence = null, int Limit = GetHistory.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

public sealed class GetHistoryHandler(ICurrentActor currentActor, IChannelStore channels, IMessageStore messages)
    : IUseCase<GetHistory, IReadOnlyList<MessageDto>>
{
    public async Task<Result<IReadOnlyList<MessageDto>>> HandleAsync(
        GetHistory request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.Limit is < 1 or > GetHistory.MaxLimit)
        {
            return Error.Invalid("history.limit", $"Ask for between 1 and {GetHistory.MaxLimit} messages.");
        }

        if (request.AfterSequence is not null && request.BeforeSequence is not null)
        {
            return Error.Invalid("history.direction", "Ask for messages after a sequence or before one, not both.");
        }

        var readable = await channels.ReadableAsync(request.ChannelId, userId.Value, cancellationToken);
        if (!readable.Succeeded)
        {
            return readable.Error!;
        }

        var page = request.AfterSequence is { } after
            ? await messages.ListAfterAsync(request.ChannelId, after, request.Limit, cancellationToken)
            : await messages.ListBeforeAsync(request.ChannelId, request.BeforeSequence, request.Limit, cancellationToken);
        return Result<IReadOnlyList<MessageDto>>.Success(page);
    }
}
