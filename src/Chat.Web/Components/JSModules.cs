using Microsoft.JSInterop;

namespace Chat.Web.Components;

internal static class JSModules
{
    /// <summary>Releases a JS module; when the browser is already gone there is nothing left to release.</summary>
    public static async ValueTask DisposeQuietlyAsync(this IJSObjectReference? module)
    {
        if (module is null)
        {
            return;
        }

        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit's browser disconnected; its modules went with it.
        }
    }
}
