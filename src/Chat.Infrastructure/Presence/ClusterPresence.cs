using System.Globalization;
using Chat.Application.Presence;
using Chat.Infrastructure.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Chat.Infrastructure.Presence;

/// <summary>
/// Presence across nodes: each node tracks its own connections (<see cref="PresenceTracker"/>), tells the others of
/// every change through Redis and repeats what it sees every <see cref="HeartbeatEvery"/>; what another node said
/// lasts <see cref="RemoteLifetime"/>, so the people of a node that died go offline on their own. A person's status is
/// the strongest any node reports (do not disturb, then online, then away).
/// </summary>
internal sealed partial class ClusterPresence : IPresence, IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("chat:presence");

    private readonly PresenceTracker _local;
    private readonly ISubscriber _subscriber;
    private readonly TimeProvider _clock;
    private readonly ILogger<ClusterPresence> _logger;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, (PresenceStatus Status, DateTimeOffset Until)>> _remote = new(StringComparer.Ordinal);
    private readonly PresenceWatchers _watchers;

    // The status last made out for each person, whether or not anyone watched: a change is told once.
    private readonly Dictionary<string, PresenceStatus> _reported = new(StringComparer.Ordinal);
    private readonly ITimer _heartbeat;

    public ClusterPresence(PresenceTracker local, RedisConnection redis, TimeProvider clock, ILogger<ClusterPresence> logger)
        : this(local, redis, clock, logger, TimeSpan.FromSeconds(30))
    {
    }

    internal ClusterPresence(PresenceTracker local, RedisConnection redis, TimeProvider clock, ILogger<ClusterPresence> logger, TimeSpan heartbeatEvery)
    {
        (_local, _clock, _logger, HeartbeatEvery) = (local, clock, logger, heartbeatEvery);
        _watchers = new PresenceWatchers(logger);
        _subscriber = redis.Subscriber;
        _local.Changed += OnLocalChanged;
        _subscriber.Subscribe(Channel, (_, line) => OnRemote(line));
        _heartbeat = clock.CreateTimer(_ => Beat(), null, heartbeatEvery, heartbeatEvery);
    }

    public TimeSpan HeartbeatEvery { get; }

    public TimeSpan RemoteLifetime => HeartbeatEvery * 3;

    public PresenceStatus StatusOf(string userId)
    {
        lock (_gate)
        {
            return Effective(userId);
        }
    }

    public IDisposable Connected(string userId) => _local.Connected(userId);

    public void Active(string userId) => _local.Active(userId);

    public void SetDoNotDisturb(string userId, bool on) => _local.SetDoNotDisturb(userId, on);

    public IDisposable Watch(IReadOnlyCollection<string> userIds, Func<string, PresenceStatus, Task> changed)
    {
        lock (_gate)
        {
            foreach (var userId in userIds)
            {
                _reported.TryAdd(userId, Effective(userId));
            }
        }

        return _watchers.Add(userIds, changed);
    }

    public void Dispose()
    {
        _local.Changed -= OnLocalChanged;
        _heartbeat.Dispose();
        _subscriber.Unsubscribe(Channel);
    }

    private void OnLocalChanged(string userId, PresenceStatus status)
    {
        Publish(userId, status);
        Reevaluate(userId);
    }

    private void OnRemote(RedisValue line)
    {
        var parts = line.ToString().Split('|');
        if (parts.Length != 3 || parts[0] == _node || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var value))
        {
            return;
        }

        var (node, userId, status) = (parts[0], parts[1], (PresenceStatus)value);
        lock (_gate)
        {
            if (!_remote.TryGetValue(userId, out var nodes))
            {
                _remote[userId] = nodes = new Dictionary<string, (PresenceStatus, DateTimeOffset)>(StringComparer.Ordinal);
            }

            if (status == PresenceStatus.Offline)
            {
                nodes.Remove(node);
            }
            else
            {
                nodes[node] = (status, _clock.GetUtcNow() + RemoteLifetime);
            }
        }

        Reevaluate(userId);
    }

    // A timer's callback that throws ends the process: a failed beat is logged, and the next one tries again.
    private void Beat()
    {
        try
        {
            RepeatAndExpire();
        }
        catch (Exception e)
        {
            LogBeatFailed(e);
        }
    }

    // Repeats this node's connected people for the others, and lets what silent nodes said run out.
    private void RepeatAndExpire()
    {
        foreach (var (userId, status) in _local.ConnectedHere())
        {
            Publish(userId, status);
        }

        List<string> expired = [];
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var (userId, nodes) in _remote)
            {
                if (nodes.Values.Any(n => n.Until <= now))
                {
                    foreach (var stale in nodes.Where(n => n.Value.Until <= now).Select(n => n.Key).ToList())
                    {
                        nodes.Remove(stale);
                    }

                    expired.Add(userId);
                }
            }
        }

        expired.ForEach(Reevaluate);
    }

    private void Publish(string userId, PresenceStatus status)
    {
        try
        {
            _subscriber.Publish(Channel, $"{_node}|{userId}|{(int)status}", CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            LogPublishFailed(e);
        }
        catch (ObjectDisposedException)
        {
            // The node is shutting down (a beat or a closing tab after Redis was let go): nobody is left to tell.
        }
    }

    private void Reevaluate(string userId)
    {
        PresenceStatus status;
        lock (_gate)
        {
            status = Effective(userId);
            if (_reported.TryGetValue(userId, out var reported) && reported == status)
            {
                return;
            }

            _reported[userId] = status;
        }

        _watchers.Notify(userId, status);
    }

    private PresenceStatus Effective(string userId)
    {
        var now = _clock.GetUtcNow();
        var best = _local.StatusOf(userId);
        if (_remote.TryGetValue(userId, out var nodes))
        {
            foreach (var (status, until) in nodes.Values)
            {
                if (until > now && Rank(status) > Rank(best))
                {
                    best = status;
                }
            }
        }

        return best;
    }

    private static int Rank(PresenceStatus status) => status switch
    {
        PresenceStatus.DoNotDisturb => 3,
        PresenceStatus.Online => 2,
        PresenceStatus.Away => 1,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling other nodes of a presence change failed")]
    private partial void LogPublishFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A presence heartbeat failed; the next one tries again")]
    private partial void LogBeatFailed(Exception exception);
}
