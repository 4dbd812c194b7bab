using Chat.Application.Messages;
using Chat.Application.Threads.GetThread;

namespace Chat.Web.Components.Channels;

/// <summary>
/// The thread shown in the side panel: loaded once, then kept current from the channel's live feed, which carries
/// every reply and change in the channel in order.
/// </summary>
public sealed class OpenThread(ThreadDto loaded)
{
    public MessageDto Root { get; private set; } = loaded.Root;

    /// <summary>The replies, oldest first, each sequence once.</summary>
    public IReadOnlyList<MessageDto> Replies { get; private set; } = loaded.Replies;

    public bool IsFollowing { get; set; } = loaded.IsFollowing;

    public long LastSequence => Replies.Count == 0 ? Root.Sequence : Replies[^1].Sequence;

    /// <summary>Takes newer copies of the root and the replies from the feed; true when anything changed.</summary>
    public bool Merge(IEnumerable<MessageDto> feed)
    {
        var changed = false;
        var replies = Replies.ToDictionary(r => r.Sequence);
        foreach (var message in feed)
        {
            if (message.Id == Root.Id && IsNewer(message, Root))
            {
                (Root, changed) = (message, true);
            }
            else if (message.ThreadRootId == Root.Id
                && (!replies.TryGetValue(message.Sequence, out var held) || IsNewer(message, held)))
            {
                (replies[message.Sequence], changed) = (message, true);
            }
        }

        if (changed)
        {
            Replies = [.. replies.Values.OrderBy(r => r.Sequence)];
        }

        return changed;
    }

    private static bool IsNewer(MessageDto candidate, MessageDto held) =>
        candidate.Version > held.Version || candidate.ReactionRevision > held.ReactionRevision;
}
