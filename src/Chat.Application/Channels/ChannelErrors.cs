using Chat.Domain.Common;

namespace Chat.Application.Channels;

internal static class ChannelErrors
{
    // A private channel someone may not read answers exactly like a missing one, so ids and names
    // cannot be probed.
    public static readonly Error NotFound =
        Error.NotFound("channel.not_found", "That channel does not exist or you do not have access to it.");

    public static readonly Error NotMember =
        Error.Forbidden("channel.not_member", "Join the channel to post in it.");

    public static readonly Error MessageNotFound =
        Error.NotFound("message.not_found", "That message does not exist or you do not have access to it.");

    public static readonly Error Archived =
        Error.Forbidden("channel.archived", "This channel is archived: it can be read but not posted to.");
}
