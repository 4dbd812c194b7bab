using Chat.Application.Presence;

namespace Chat.Web.Tests.Support;

/// <summary>Presence a test sets by hand; watchers are told synchronously, as the real tracker tells them.</summary>
public sealed class SettablePresence : IPresence
{
    private readonly Dictionary<string, PresenceStatus> _statuses = [];
    private readonly List<(IReadOnlyCollection<string> UserIds, Func<string, PresenceStatus, Task> Changed)> _watchers = [];

    public int WatcherCount => _watchers.Count;

    public List<string> ActiveReports { get; } = [];

    public void Set(string userId, PresenceStatus status)
    {
        _statuses[userId] = status;
        foreach (var (userIds, changed) in _watchers.ToList())
        {
            if (userIds.Contains(userId))
            {
                changed(userId, status).GetAwaiter().GetResult();
            }
        }
    }

    public PresenceStatus StatusOf(string userId) => _statuses.GetValueOrDefault(userId, PresenceStatus.Offline);

    public IDisposable Connected(string userId)
    {
        Set(userId, PresenceStatus.Online);
        return new Unsubscriber(() => Set(userId, PresenceStatus.Offline));
    }

    public void Active(string userId) => ActiveReports.Add(userId);

    public void SetDoNotDisturb(string userId, bool on) => Set(userId, on ? PresenceStatus.DoNotDisturb : PresenceStatus.Online);

    public IDisposable Watch(IReadOnlyCollection<string> userIds, Func<string, PresenceStatus, Task> changed)
    {
        var entry = (userIds, changed);
        _watchers.Add(entry);
        return new Unsubscriber(() => _watchers.Remove(entry));
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
