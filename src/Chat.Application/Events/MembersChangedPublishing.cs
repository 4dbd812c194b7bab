namespace Chat.Application.Events;

internal static class MembersChangedPublishing
{
    /// <summary>Tells the channel's viewers and each person concerned, whose sidebars list their channels.</summary>
    public static void PublishMembersChanged(this IChatEvents events, MembersChanged change)
    {
        events.Publish(change);
        foreach (var userId in change.Added.Concat(change.Removed))
        {
            events.PublishToUser(userId, change);
        }
    }
}
