using Chat.Application.Presence;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Presence;

/// <summary>
/// This node's presence: connections and last activity per user, turned into a status. Users idle longer than
/// <see cref="AwayAfter"/> show as away; a sweep notices that, so watchers learn it without anyone acting.
/// </summary>
internal sealed class PresenceTracker : IPresence, IDisposable
{
    public static readonly TimeSpan AwayAfter = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserPresence> _users = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly PresenceWatchers _watchers;
    private readonly ITimer _sweep;

    public PresenceTracker(TimeProvider clock, ILogger<PresenceTracker> logger)
    {
        (_clock, _watchers) = (clock, new PresenceWatchers(logger));
        _sweep = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    public PresenceStatus StatusOf(string userId)
    {
        lock (_gate)
        {
            return _users.TryGetValue(userId, out var user) ? user.Status(_clock.GetUtcNow()) : PresenceStatus.Offline;
        }
    }

    public IDisposable Connected(string userId)
    {
        Change(userId, user => user.Connections++);
        return new DisposeOnce(() => Change(userId, user => user.Connections--));
    }

    public void Active(string userId) => Change(userId, user => user.LastActiveAt = _clock.GetUtcNow());

    public void SetDoNotDisturb(string userId, bool on) => Change(userId, user => user.DoNotDisturb = on);

    public IDisposable Watch(IReadOnlyCollection<string> userIds, Func<string, PresenceStatus, Task> changed) =>
        _watchers.Add(userIds, changed);

    /// <summary>Raised (outside the lock) whenever a user's status on this node changes, whoever watches them.</summary>
    public event Action<string, PresenceStatus>? Changed;

    /// <summary>Everyone this node sees connected, with their status here.</summary>
    public IReadOnlyList<(string UserId, PresenceStatus Status)> ConnectedHere()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            return [.. _users.Select(u => (u.Key, u.Value.Status(now))).Where(u => u.Item2 != PresenceStatus.Offline)];
        }
    }

    public void Dispose() => _sweep.Dispose();

    /// <summary>Applies a change and tells watchers when the status people see changed.</summary>
    private void Change(string userId, Action<UserPresence> change)
    {
        PresenceStatus status;
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                _users[userId] = user = new UserPresence { LastActiveAt = _clock.GetUtcNow() };
            }

            change(user);
            if (!user.Changed(_clock.GetUtcNow(), out status))
            {
                return;
            }

            if (user.Connections == 0 && !user.DoNotDisturb)
            {
                _users.Remove(userId);
            }
        }

        Notify(userId, status);
    }

    private void Sweep()
    {
        List<(string UserId, PresenceStatus Status)> changed = [];
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var (userId, user) in _users)
            {
                if (user.Changed(now, out var status))
                {
                    changed.Add((userId, status));
                }
            }
        }

        changed.ForEach(c => Notify(c.UserId, c.Status));
    }

    private void Notify(string userId, PresenceStatus status)
    {
        Changed?.Invoke(userId, status);
        _watchers.Notify(userId, status);
    }

    private sealed class UserPresence
    {
        private PresenceStatus _reported = PresenceStatus.Offline;

        public int Connections { get; set; }

        public DateTimeOffset LastActiveAt { get; set; }

        public bool DoNotDisturb { get; set; }

        public PresenceStatus Status(DateTimeOffset now) =>
            Connections <= 0 ? PresenceStatus.Offline
            : DoNotDisturb ? PresenceStatus.DoNotDisturb
            : now - LastActiveAt >= AwayAfter ? PresenceStatus.Away
            : PresenceStatus.Online;

        /// <summary>Whether the status differs from the one last reported; remembers the new one.</summary>
        public bool Changed(DateTimeOffset now, out PresenceStatus status)
        {
            status = Status(now);
            if (status == _reported)
            {
                return false;
            }

            _reported = status;
            return true;
        }
    }
}
