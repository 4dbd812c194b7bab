using Chat.Application.Presence;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Presence;

/// <summary>Who watches whose presence on this node, and the delivery of each change to them: a failing watcher is logged.</summary>
internal sealed class PresenceWatchers(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<string, PresenceStatus, Task>>> _byUser = new(StringComparer.Ordinal);

    public IDisposable Add(IReadOnlyCollection<string> userIds, Func<string, PresenceStatus, Task> changed)
    {
        lock (_gate)
        {
            foreach (var userId in userIds)
            {
                if (!_byUser.TryGetValue(userId, out var list))
                {
                    _byUser[userId] = list = [];
                }

                list.Add(changed);
            }
        }

        return new DisposeOnce(() =>
        {
            lock (_gate)
            {
                foreach (var userId in userIds)
                {
                    if (_byUser.TryGetValue(userId, out var list) && list.Remove(changed) && list.Count == 0)
                    {
                        _byUser.Remove(userId);
                    }
                }
            }
        });
    }

    public void Notify(string userId, PresenceStatus status)
    {
        Func<string, PresenceStatus, Task>[] watchers;
        lock (_gate)
        {
            watchers = _byUser.TryGetValue(userId, out var list) ? [.. list] : [];
        }

        foreach (var watcher in watchers)
        {
            _ = DeliverAsync(watcher, userId, status);
        }
    }

    private async Task DeliverAsync(Func<string, PresenceStatus, Task> watcher, string userId, PresenceStatus status)
    {
        try
        {
            await watcher(userId, status);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A presence watcher failed");
        }
    }
}
