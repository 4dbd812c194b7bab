namespace Chat.Application.Events;

/// <summary>Delivers chat events to whoever watches a channel: this node's circuits and connections, and
/// other nodes' when scale-out is configured.</summary>
public interface IChatEvents
{
    /// <summary>Publishes an event; call only after the change it describes is committed.</summary>
    void Publish(ChatEvent chatEvent);

    /// <summary>
    /// Calls <paramref name="handler"/> for each event of the channel until the returned handle is disposed.
    /// Use cases check read access before they subscribe on a user's behalf.
    /// </summary>
    IDisposable Subscribe(Guid channelId, Func<ChatEvent, Task> handler);

    /// <summary>Publishes an event to a user's own stream (all their tabs and clients), e.g. being added to a channel.</summary>
    void PublishToUser(string userId, ChatEvent chatEvent);

    /// <summary>Calls <paramref name="handler"/> for each event sent to the user until the returned handle is disposed.</summary>
    IDisposable SubscribeUser(string userId, Func<ChatEvent, Task> handler);
}
