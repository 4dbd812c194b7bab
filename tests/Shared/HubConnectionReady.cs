using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Launch;

internal static class HubConnectionReady
{
    /// <summary>
    /// Starts the connection and returns once the server has put it in its channels' groups. Starting returns at the
    /// handshake, before that, and events published in between pass the connection by; the server runs a connection's
    /// first call only after it is in its groups, so one call (a sync of nothing) marks the moment.
    /// </summary>
    public static async Task StartInGroupsAsync(this HubConnection connection)
    {
        await connection.StartAsync();
        await connection.InvokeAsync("Sync", Array.Empty<object>());
    }
}
