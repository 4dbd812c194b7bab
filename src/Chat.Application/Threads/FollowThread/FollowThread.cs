using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Domain.Common;

namespace Chat.Application.Threads.FollowThread;

public sealed record FollowThread(Guid RootMessageId, bool Follow);

/// <summary>Follows a thread (it shows in the Threads view, read up to now) or stops following it.</summary>
public sealed class FollowThreadHandler(
    ICurrentActor currentActor, IChannelStore channels, IMessageStore messages, IThreadStore threads)
    : IUseCase<FollowThread, Done>
{
    public async Task<Result<Done>> HandleAsync(FollowThread request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var root = await channels.ReadableMessageAsync(messages, request.RootMessageId, userId.Value, cancellationToken);
        if (!root.Succeeded)
        {
            return root.Error!;
        }

        if (root.Value.Message.ThreadRootId is not null)
        {
            return Error.Invalid("thread.nested", "That message is a reply; follow the thread of the message that started it.");
        }

        var readUpTo = root.Value.Message.Sequence;
        if (request.Follow)
        {
            var replies = await messages.ListRepliesAsync(request.RootMessageId, 1, cancellationToken);
            readUpTo = replies.Count == 0 ? readUpTo : replies[^1].Sequence;
        }

        await threads.SetFollowingAsync(
            request.RootMessageId, root.Value.Message.ChannelId, userId.Value, request.Follow, readUpTo, cancellationToken);
        return Done.Instance;
    }
}
