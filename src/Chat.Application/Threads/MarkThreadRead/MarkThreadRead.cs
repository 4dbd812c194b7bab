using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Domain.Common;

namespace Chat.Application.Threads.MarkThreadRead;

/// <param name="Sequence">The newest reply the reader has seen.</param>
public sealed record MarkThreadRead(Guid RootMessageId, long Sequence);

/// <summary>The reader saw the thread's replies up to a sequence; its unread count in the Threads view drops.</summary>
public sealed class MarkThreadReadHandler(
    ICurrentActor currentActor, IChannelStore channels, IMessageStore messages, IThreadStore threads)
    : IUseCase<MarkThreadRead, Done>
{
    public async Task<Result<Done>> HandleAsync(MarkThreadRead request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (request.Sequence < 1)
        {
            return Error.Invalid("read.sequence", "Sequences start at 1.");
        }

        var root = await channels.ReadableMessageAsync(messages, request.RootMessageId, userId.Value, cancellationToken);
        if (!root.Succeeded)
        {
            return root.Error!;
        }

        await threads.MarkReadAsync(request.RootMessageId, userId.Value, request.Sequence, cancellationToken);
        return Done.Instance;
    }
}
