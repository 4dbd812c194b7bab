using Chat.Application.Common;
using Chat.Application.Presence;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Chat.Web.Components.Layout;

/// <summary>
/// Reports one browser tab's presence: online while its circuit is connected, active when the page says the user
/// did something. A dropped connection counts as gone until it comes back.
/// </summary>
public sealed class PresenceCircuit(IPresence presence, ICurrentActor currentActor) : CircuitHandler, IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _connection;
    private string? _userId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _userId ??= (await currentActor.GetAsync(cancellationToken)).UserId;
        if (_userId is null)
        {
            return;
        }

        lock (_gate)
        {
            _connection ??= presence.Connected(_userId);
        }

        presence.Active(_userId);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Disconnect();
        return Task.CompletedTask;
    }

    /// <summary>The user typed, clicked or moved the mouse in this tab.</summary>
    public void Active()
    {
        if (_userId is not null)
        {
            presence.Active(_userId);
        }
    }

    public void Dispose() => Disconnect();

    private void Disconnect()
    {
        lock (_gate)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }
}
