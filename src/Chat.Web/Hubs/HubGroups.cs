namespace Chat.Web.Hubs;

/// <summary>The SignalR group of each channel's members' connections.</summary>
internal static class HubGroups
{
    public static string Channel(Guid channelId) => "channel:" + channelId.ToString("N");
}
