using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Threads.CountUnreadReplies;

public sealed record CountUnreadReplies;

/// <summary>
/// The Threads link's count: for each thread the user follows (in a channel they can still read), the replies from
/// others they have not read (zero included). One aggregate query, made as every tab opens.
/// </summary>
public sealed class CountUnreadRepliesHandler(ICurrentActor currentActor, IThreadStore threads)
    : IUseCase<CountUnreadReplies, IReadOnlyDictionary<Guid, int>>
{
    public async Task<Result<IReadOnlyDictionary<Guid, int>>> HandleAsync(
        CountUnreadReplies request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return Result<IReadOnlyDictionary<Guid, int>>.Success(await threads.CountUnreadRepliesAsync(userId.Value, cancellationToken));
    }
}
