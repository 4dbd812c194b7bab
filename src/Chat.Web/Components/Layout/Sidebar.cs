using Chat.Application.Channels;
using Chat.Application.Channels.ListMyChannels;
using Chat.Application.Channels.MarkRead;
using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages.WatchChannel;
using Chat.Application.Channels.WatchMyEvents;
using Chat.Application.Presence;
using Chat.Application.Presence.WatchPresence;
using Chat.Domain.Channels;

namespace Chat.Web.Components.Layout;

/// <summary>
/// One circuit's sidebar state: the user's conversations with live unread counts, and which one is open.
/// Scoped per circuit; the channel page reports what the user has read through it.
/// </summary>
public sealed class Sidebar(
    ListMyChannelsHandler listMyChannels,
    WatchChannelHandler watchChannel,
    WatchPresenceHandler watchPresence,
    WatchMyEventsHandler watchMyEvents,
    MarkReadHandler markRead,
    ICurrentActor currentActor,
    FollowedThreads followedThreads,
    TimeProvider clock) : IDisposable
{
    private readonly ReadCursors _readCursors = new(markRead, clock);
    private IDisposable? _mine;
    private Dictionary<string, PresenceStatus> _presence = [];
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ChangeListeners _listeners = new();
    private Dictionary<Guid, ChannelSummary> _channels = [];
    private string? _userId;
    private Guid? _openChannelId;
    private Task? _loading;

    /// <summary>Public and private channels, by name.</summary>
    public IReadOnlyList<ChannelSummary> Channels => Select(isDirect: false);

    /// <summary>Direct and group messages, by the names of the people in them.</summary>
    public IReadOnlyList<ChannelSummary> DirectMessages => Select(isDirect: true);

    /// <summary>What to call a conversation: "#name" for channels, the other people for direct messages.</summary>
    public string TitleOf(ChannelAccess channel)
    {
        lock (_gate)
        {
            return channel.Kind is ChannelKind.Direct or ChannelKind.Group && _channels.TryGetValue(channel.ChannelId, out var summary)
                ? summary.Title
                : $"#{channel.Name}";
        }
    }

    /// <summary>What to call a conversation known by id, name and kind (see <see cref="TitleOf(ChannelAccess)"/>).</summary>
    public string TitleOf(Guid channelId, string name, ChannelKind kind) =>
        TitleOf(new ChannelAccess(channelId, name, kind, IsArchived: false, Role: null));

    /// <summary>A direct-message partner's status; offline when unknown.</summary>
    public PresenceStatus PresenceOf(string userId)
    {
        lock (_gate)
        {
            return _presence.GetValueOrDefault(userId, PresenceStatus.Offline);
        }
    }

    public int TotalUnread
    {
        get
        {
            lock (_gate)
            {
                return _channels.Values.Sum(c => c.Unread);
            }
        }
    }

    /// <summary>Loads the conversations and starts counting new messages; later calls wait for the first.</summary>
    public Task LoadAsync() => _loading ??= LoadOnceAsync();

    /// <summary>Reloads after the user joined, left or created a channel.</summary>
    public Task RefreshAsync()
    {
        StopWatching();
        _loading = LoadOnceAsync();
        return _loading;
    }

    /// <summary>Calls <paramref name="listener"/> (from any thread) whenever counts change; dispose to stop.</summary>
    public IDisposable OnChanged(Action listener) => _listeners.Add(listener);

    /// <summary>The read cursor the user had in a channel when the sidebar loaded or last marked it.</summary>
    public long LastReadOf(Guid channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var channel) ? channel.LastReadSequence : 0;
        }
    }

    /// <summary>The user has the channel open and has seen up to <paramref name="sequence"/>.</summary>
    public async Task ViewingAsync(Guid channelId, long sequence)
    {
        var cleared = false;
        lock (_gate)
        {
            _openChannelId = channelId;
            if (_channels.TryGetValue(channelId, out var channel))
            {
                cleared = channel.Unread > 0 || channel.Mentions > 0;
                _channels[channelId] = channel with
                {
                    Unread = 0, Mentions = 0, LastReadSequence = Math.Max(channel.LastReadSequence, sequence),
                };
            }
        }

        if (sequence > 0)
        {
            await _readCursors.SaveAsync(channelId, sequence);
        }

        // Only a change people see re-renders the sidebar: a message read as it arrives changes nothing there.
        if (cleared)
        {
            NotifyChanged();
        }
    }

    /// <summary>The user left the channel page; new messages there count as unread again.</summary>
    public void Left(Guid channelId)
    {
        lock (_gate)
        {
            if (_openChannelId == channelId)
            {
                _openChannelId = null;
            }
        }
    }

    public void Dispose()
    {
        _readCursors.Dispose();
        _mine?.Dispose();
        StopWatching();
        _listeners.Clear();
    }

    private List<ChannelSummary> Select(bool isDirect)
    {
        lock (_gate)
        {
            return [.. _channels.Values
                .Where(c => (c.Kind is ChannelKind.Direct or ChannelKind.Group) == isDirect)
                .OrderBy(c => c.Title, StringComparer.CurrentCulture)];
        }
    }

    private void StopWatching()
    {
        lock (_gate)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }

    private async Task LoadOnceAsync()
    {
        _userId = (await currentActor.GetAsync()).UserId;

        // Watching the user's own events starts before listing, so a conversation opened with them meanwhile is not missed.
        if (_mine is null && await watchMyEvents.HandleAsync(new WatchMyEvents(OnMyEventAsync)) is { Succeeded: true } mine)
        {
            _mine = mine.Value;
        }

        var listed = await listMyChannels.HandleAsync(new ListMyChannels());
        if (!listed.Succeeded)
        {
            return;
        }

        lock (_gate)
        {
            _channels = listed.Value.ToDictionary(c => c.Id);
        }

        var peers = listed.Value.SelectMany(c => c.PeerIds).Distinct().ToList();
        var presence = await watchPresence.HandleAsync(new WatchPresence(peers, OnPresenceChangedAsync));
        if (presence.Succeeded)
        {
            lock (_gate)
            {
                _presence = new Dictionary<string, PresenceStatus>(presence.Value.Statuses);
                _subscriptions.Add(presence.Value.Subscription);
            }
        }

        foreach (var channel in listed.Value)
        {
            var watching = await watchChannel.HandleAsync(new WatchChannel(channel.Id, OnEventAsync));
            if (watching.Succeeded)
            {
                lock (_gate)
                {
                    _subscriptions.Add(watching.Value);
                }
            }
        }

        NotifyChanged();
    }

    // Added to or removed from a conversation, from any tab or by anyone: list the conversations again. Read in
    // another tab: up to the newest message clears the counts here; part of the way needs the counts recounted.
    private Task OnMyEventAsync(ChatEvent chatEvent) => chatEvent switch
    {
        MembersChanged => RefreshAsync(),
        ReadStateChanged read => ReadElsewhereAsync(read),
        _ => Task.CompletedTask,
    };

    private Task ReadElsewhereAsync(ReadStateChanged read)
    {
        bool recount;
        lock (_gate)
        {
            // The channel open here stays read however far the other tab (or this one, saving late) got.
            if (read.ChannelId == _openChannelId
                || !_channels.TryGetValue(read.ChannelId, out var channel) || read.LastReadSequence == channel.LastReadSequence)
            {
                return Task.CompletedTask;
            }

            recount = read.LastReadSequence < channel.LastSequence;
            if (!recount)
            {
                _channels[read.ChannelId] = channel with { Unread = 0, Mentions = 0, LastReadSequence = read.LastReadSequence };
            }
        }

        if (recount)
        {
            return RefreshAsync();
        }

        NotifyChanged();
        return Task.CompletedTask;
    }

    private Task OnEventAsync(ChatEvent chatEvent)
    {
        if (chatEvent is ChannelChanged)
        {
            return RefreshAsync();
        }

        if (chatEvent is ThreadUpdated or MessagePosted { Message.ThreadRootId: not null })
        {
            followedThreads.Apply(chatEvent);
        }

        if (chatEvent is not MessagePosted posted)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            // A message committed just before the list was read is in its count already, even when its event
            // arrives after; sequences tell which messages were counted.
            if (!_channels.TryGetValue(posted.ChannelId, out var channel) || posted.Sequence <= channel.LastSequence)
            {
                return Task.CompletedTask;
            }

            // One's own messages and those in the open channel are read. Replies kept to their thread do not make
            // the channel unread, but a mention in one still counts.
            var counts = _openChannelId != posted.ChannelId && posted.Message.SenderId != _userId;
            var updated = channel with
            {
                Unread = channel.Unread + (counts && posted.Message.IsInChannel ? 1 : 0),
                Mentions = channel.Mentions + (counts && posted.Message.Mentions(_userId) ? 1 : 0),
                LastSequence = posted.Sequence,
            };
            _channels[posted.ChannelId] = updated;
            if (updated.Unread == channel.Unread && updated.Mentions == channel.Mentions)
            {
                return Task.CompletedTask;
            }
        }

        NotifyChanged();
        return Task.CompletedTask;
    }

    private Task OnPresenceChangedAsync(string userId, PresenceStatus status)
    {
        lock (_gate)
        {
            _presence[userId] = status;
        }

        NotifyChanged();
        return Task.CompletedTask;
    }

    private void NotifyChanged() => _listeners.Notify();
}
