using Chat.Application.Messages;

namespace Chat.Web.Components.Channels;

/// <summary>
/// How a later copy of a message combines with the one a tab holds. Events about one message arrive in any order, and
/// an edit carries the reactions and thread as they were when it was made, so each part keeps whichever is newer.
/// Each answers null when the copy held is as new already.
/// </summary>
internal static class NewerCopy
{
    /// <summary>An edit, deletion or pin: the newer version, keeping newer reactions and a longer thread held.</summary>
    public static MessageDto? OfVersion(MessageDto held, MessageDto changed)
    {
        if (held.Version >= changed.Version)
        {
            return null;
        }

        var newest = held.ReactionRevision > changed.ReactionRevision
            ? changed with { Reactions = held.Reactions, ReactionRevision = held.ReactionRevision }
            : changed;
        return ReplyCount(held) > ReplyCount(changed) ? newest with { Thread = held.Thread } : newest;
    }

    public static MessageDto? OfReactions(MessageDto held, MessageDto reacted) =>
        held.ReactionRevision >= reacted.ReactionRevision
            ? null
            : held with { Reactions = reacted.Reactions, ReactionRevision = reacted.ReactionRevision };

    public static MessageDto? OfThread(MessageDto held, MessageDto root) =>
        ReplyCount(held) >= ReplyCount(root) ? null : held with { Thread = root.Thread };

    /// <summary>A scan moves a file from pending to its final state once, so a verdict always wins over "pending".</summary>
    public static MessageDto WithScanned(MessageDto held, AttachmentDto file) =>
        held with { Files = [.. held.Files.Select(f => f.Id == file.Id ? file : f)] };

    private static int ReplyCount(MessageDto message) => message.Thread?.ReplyCount ?? 0;
}
