using System.Collections.Concurrent;
using Chat.Application.Events;
using Chat.Web.Endpoints.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Chat.Web.Hubs;

/// <summary>
/// This node's hub connections: how many each user has (a limit per user), which token each was opened with (to
/// close it when that token ends), and each user's event stream, which moves their connections in and out of
/// channel groups as they join or leave channels anywhere.
/// </summary>
internal sealed partial class HubConnections(
    IChatEvents events, IHubContext<ChatHub> hub, IOptions<ApiLimits> limits, ILogger<HubConnections> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new();
    private readonly Dictionary<string, UserWatch> _users = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _gate = new();

    /// <summary>Registers a connection; false when its user already has as many as allowed on this node.</summary>
    public bool TryAdd(HubCallerContext context, string userId, Guid? tokenId)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var watch))
            {
                watch = new UserWatch(events.SubscribeUser(userId, change => OnUserEventAsync(userId, change)));
                _users[userId] = watch;
            }
            else if (watch.ConnectionIds.Count >= limits.Value.MaxConnectionsPerUser)
            {
                return false;
            }

            watch.ConnectionIds.Add(context.ConnectionId);
            _connections[context.ConnectionId] = new Connection(context, userId, tokenId);
            return true;
        }
    }

    /// <summary>What the connection keeps open until it closes: its user's presence, its watch on their peers'.</summary>
    public void Hold(string connectionId, IDisposable held)
    {
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            connection.Held.Add(held);
        }
        else
        {
            held.Dispose();
        }
    }

    public void Remove(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var connection))
        {
            return;
        }

        connection.Held.ForEach(held => held.Dispose());
        lock (_gate)
        {
            if (_users.TryGetValue(connection.UserId, out var watch) && watch.ConnectionIds.Remove(connectionId) && watch.ConnectionIds.Count == 0)
            {
                watch.Subscription.Dispose();
                _users.Remove(connection.UserId);
            }
        }
    }

    /// <summary>The tokens open connections were made with.</summary>
    public IReadOnlyCollection<Guid> TokenIds() =>
        [.. _connections.Values.Where(c => c.TokenId is not null).Select(c => c.TokenId!.Value).Distinct()];

    /// <summary>Closes every connection opened with one of <paramref name="tokenIds"/>.</summary>
    public int CloseOpenedWith(IReadOnlySet<Guid> tokenIds)
    {
        var closing = _connections.Values.Where(c => c.TokenId is { } id && tokenIds.Contains(id)).ToList();
        foreach (var connection in closing)
        {
            connection.Context.Abort();
        }

        return closing.Count;
    }

    public int Count => _connections.Count;

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var watch in _users.Values)
            {
                watch.Subscription.Dispose();
            }

            _users.Clear();
        }
    }

    private async Task OnUserEventAsync(string userId, ChatEvent chatEvent)
    {
        if (chatEvent is not MembersChanged changed)
        {
            return;
        }

        string[] connectionIds;
        lock (_gate)
        {
            connectionIds = _users.TryGetValue(userId, out var watch) ? [.. watch.ConnectionIds] : [];
        }

        var group = HubGroups.Channel(changed.ChannelId);
        foreach (var connectionId in connectionIds)
        {
            try
            {
                if (changed.Added.Contains(userId))
                {
                    await hub.Groups.AddToGroupAsync(connectionId, group);
                }
                else if (changed.Removed.Contains(userId))
                {
                    await hub.Groups.RemoveFromGroupAsync(connectionId, group);
                }
            }
            catch (Exception e)
            {
                LogGroupChangeFailed(e, connectionId, changed.ChannelId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving hub connection {ConnectionId} for channel {ChannelId} failed")]
    private partial void LogGroupChangeFailed(Exception exception, string connectionId, Guid channelId);

    private sealed record Connection(HubCallerContext Context, string UserId, Guid? TokenId)
    {
        public List<IDisposable> Held { get; } = [];
    }

    private sealed record UserWatch(IDisposable Subscription)
    {
        public HashSet<string> ConnectionIds { get; } = [];
    }
}
