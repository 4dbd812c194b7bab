using Chat.Application.Events;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Web.Hubs;

/// <summary>
/// Sends each event to the hub clients of its channel (or of its user), named after the event type, from the node
/// that published it; with Redis configured the SignalR backplane carries it to connections on the other nodes.
/// </summary>
internal sealed partial class HubEventOutlet(IHubContext<ChatHub> hub, ILogger<HubEventOutlet> logger) : IChatEventOutlet
{
    public void Published(ChatEvent chatEvent) =>
        Send(hub.Clients.Group(HubGroups.Channel(chatEvent.ChannelId)), chatEvent);

    public void PublishedToUser(string userId, ChatEvent chatEvent)
    {
        // Membership changes already reach the channel's group; the people concerned get theirs as well, unless
        // they are in that group already (added people are not yet).
        if (chatEvent is MembersChanged changed && !changed.Added.Contains(userId))
        {
            return;
        }

        Send(hub.Clients.User(userId), chatEvent);
    }

    private void Send(IClientProxy clients, ChatEvent chatEvent)
    {
        var sending = clients.SendAsync(chatEvent.GetType().Name, chatEvent);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(sending, chatEvent);
        }
    }

    private async Task ObserveAsync(Task sending, ChatEvent chatEvent)
    {
        try
        {
            await sending;
        }
        catch (Exception e)
        {
            LogSendFailed(e, chatEvent.GetType().Name, chatEvent.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Event} for channel {ChannelId} to hub clients failed")]
    private partial void LogSendFailed(Exception exception, string @event, Guid channelId);
}
