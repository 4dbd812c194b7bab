namespace Chat.Domain.Channels;

/// <summary>What one user may do in one channel, from the channel's kind and state and their membership.</summary>
/// <param name="Role">The user's role in the channel; null when they are not a member.</param>
public sealed record ChannelAccess(Guid ChannelId, string Name, ChannelKind Kind, bool IsArchived, ChannelRole? Role)
{
    public bool IsMember => Role is not null;

    /// <summary>Public channels are readable by everyone in the workspace; all others only by their members.</summary>
    public bool CanRead => Kind == ChannelKind.Public || IsMember;

    /// <summary>
    /// Renaming, describing, archiving and managing members of a public or private channel is for its owner and
    /// for workspace administrators.
    /// </summary>
    public bool CanManage(bool isAdministrator) =>
        Kind is ChannelKind.Public or ChannelKind.Private && (Role == ChannelRole.Owner || isAdministrator);

    /// <summary>Only members post, and nobody posts to an archived channel.</summary>
    public bool CanPost => IsMember && !IsArchived;
}
