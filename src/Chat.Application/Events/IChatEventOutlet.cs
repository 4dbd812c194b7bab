namespace Chat.Application.Events;

/// <summary>
/// Somewhere every event also goes, once, from the node that published it: the API hub, whose own backplane carries
/// it to the other nodes' connections (subscribers are reached on every node by <see cref="IChatEvents"/> itself).
/// </summary>
public interface IChatEventOutlet
{
    void Published(ChatEvent chatEvent);

    void PublishedToUser(string userId, ChatEvent chatEvent);
}
