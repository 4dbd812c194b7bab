using Chat.Application.Channels;
using Chat.Application.Common;
using Chat.Application.Messages;
using Chat.Domain.Common;

namespace Chat.Application.Threads.GetThread;

public sealed record GetThread(Guid RootMessageId)
{
    /// <summary>The newest replies shown; longer threads show these (Slack's threads rarely pass a few hundred).</summary>
    public const int MaxReplies = 1000;
}

/// <param name="IsFollowing">Whether the viewer follows the thread (gets it in their Threads view).</param>
public sealed record ThreadDto(MessageDto Root, IReadOnlyList<MessageDto> Replies, bool IsFollowing);

/// <summary>A thread for the side panel: the message that started it and its replies, oldest first.</summary>
public sealed class GetThreadHandler(
    ICurrentActor currentActor, IChannelStore channels, IMessageStore messages, IThreadStore threads)
    : IUseCase<GetThread, ThreadDto>
{
    public async Task<Result<ThreadDto>> HandleAsync(GetThread request, CancellationToken cancellationToken = default)
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
            return Error.Invalid("thread.nested", "That message is a reply; open the thread of the message that started it.");
        }

        var replies = await messages.ListRepliesAsync(request.RootMessageId, GetThread.MaxReplies, cancellationToken);
        var following = await threads.FindFollowingAsync(request.RootMessageId, userId.Value, cancellationToken);
        return new ThreadDto(root.Value.Message, replies, following is not null);
    }
}
