using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Threads.ListFollowedThreads;

public sealed record ListFollowedThreads(int Limit = 50);

/// <summary>The Threads view: followed threads with replies, newest reply first, with unread reply counts.</summary>
public sealed class ListFollowedThreadsHandler(ICurrentActor currentActor, IThreadStore threads)
    : IUseCase<ListFollowedThreads, IReadOnlyList<FollowedThread>>
{
    public async Task<Result<IReadOnlyList<FollowedThread>>> HandleAsync(
        ListFollowedThreads request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.Limit is < 1 or > 200)
        {
            return Error.Invalid("threads.limit", "Ask for between 1 and 200 threads.");
        }

        return Result<IReadOnlyList<FollowedThread>>.Success(
            await threads.ListFollowedAsync(userId.Value, request.Limit, cancellationToken));
    }
}
