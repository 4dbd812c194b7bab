using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Application.Threads.CountUnreadReplies;

namespace Chat.Web.Components.Layout;

/// <summary>
/// One circuit's count of new replies in the threads the user follows, for the Threads link: the same numbers the
/// Threads page shows, kept live from the reply events the sidebar already receives (no subscription of its own).
/// The navigation menu, which shows it, loads it.
/// </summary>
public sealed class FollowedThreads(CountUnreadRepliesHandler countUnread, ICurrentActor currentActor)
{
    private readonly Lock _gate = new();
    private readonly ChangeListeners _listeners = new();
    private readonly Dictionary<Guid, int> _unread = [];
    private readonly Dictionary<Guid, int> _repliesAhead = [];
    private string? _userId;
    private Guid? _openRootId;

    /// <summary>New replies in followed threads, over all of them.</summary>
    public int UnreadReplies
    {
        get
        {
            lock (_gate)
            {
                return _unread.Values.Sum();
            }
        }
    }

    /// <summary>Calls <paramref name="listener"/> (from any thread) whenever the count changes; dispose to stop.</summary>
    public IDisposable OnChanged(Action listener) => _listeners.Add(listener);

    /// <summary>Counts once, as the tab opens; from then on the reply events keep the count.</summary>
    public async Task LoadAsync()
    {
        var userId = (await currentActor.GetAsync()).UserId;
        var counted = await countUnread.HandleAsync(new CountUnreadReplies());
        lock (_gate)
        {
            _userId = userId;
            _unread.Clear();
            foreach (var (rootId, unread) in counted.Succeeded ? counted.Value : new Dictionary<Guid, int>())
            {
                _unread[rootId] = unread;
            }
        }

        _listeners.Notify();
    }

    /// <summary>The thread is open in the panel and read up to its newest reply; replies arriving there are read too.</summary>
    public void Viewing(Guid rootId) => Change(() =>
    {
        _openRootId = rootId;
        if (_unread.GetValueOrDefault(rootId) == 0)
        {
            return false;
        }

        _unread[rootId] = 0;
        return true;
    });

    public void Left(Guid rootId) => Change(() =>
    {
        if (_openRootId == rootId)
        {
            _openRootId = null;
        }

        return false;
    });

    /// <summary>
    /// A reply (<see cref="MessagePosted"/>) is counted once its thread's summary (<see cref="ThreadUpdated"/>, published
    /// right after) shows the user follows it: they started it, took part, or the reply mentions them.
    /// </summary>
    public void Apply(ChatEvent chatEvent) => Change(() =>
    {
        switch (chatEvent)
        {
            case MessagePosted { Message: { ThreadRootId: { } rootId } reply } when reply.SenderId != _userId && rootId != _openRootId:
                if (_unread.ContainsKey(rootId) || reply.Mentions(_userId))
                {
                    _unread[rootId] = _unread.GetValueOrDefault(rootId) + 1;
                    return true;
                }

                _repliesAhead[rootId] = _repliesAhead.GetValueOrDefault(rootId) + 1;
                return false;
            case ThreadUpdated { Root: var root } when _repliesAhead.Remove(root.Id, out var ahead):
                if (root.SenderId == _userId || root.Thread?.ParticipantIds.Contains(_userId!) == true)
                {
                    _unread[root.Id] = _unread.GetValueOrDefault(root.Id) + ahead;
                    return true;
                }

                return false;
            default:
                return false;
        }
    });

    private void Change(Func<bool> change)
    {
        bool changed;
        lock (_gate)
        {
            changed = change();
        }

        if (changed)
        {
            _listeners.Notify();
        }
    }
}
