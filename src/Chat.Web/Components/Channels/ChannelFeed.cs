using Chat.Application.Common;
using Chat.Application.Events;
using Chat.Application.Messages;
using Chat.Application.Messages.GetHistory;
using Chat.Application.Messages.WatchChannel;
using Chat.Domain.Common;

namespace Chat.Web.Components.Channels;

/// <summary>
/// The messages one viewer sees in one channel, kept complete and in order: it loads the newest page,
/// applies live events in sequence, ignores events it already holds, and fetches whatever it missed when
/// an event arrives after a gap. All changes run through <c>dispatch</c> (the component's renderer), one at a time.
/// </summary>
public sealed class ChannelFeed(
    GetHistoryHandler history, WatchChannelHandler watch, ICurrentActor currentActor, TimeProvider clock) : IDisposable
{
    private TypingTracker? _typing;
    private string? _viewerId;
    private readonly List<ChatEvent> _early = [];
    private SharedPrefixList<MessageDto> _held = SharedPrefixList<MessageDto>.Empty;
    private IDisposable? _subscription;
    private Func<Func<Task>, Task> _dispatch = work => work();
    private Action _changed = () => { };
    private Func<ChatEvent, Task> _channelEvent = _ => Task.CompletedTask;

    // A scan can finish between a message's commit and its announcement; the verdict waits here for its message.
    private readonly Dictionary<Guid, List<AttachmentDto>> _scansAhead = [];
    private Guid _channelId;
    private bool _loaded;

    /// <summary>
    /// While the reader follows the newest messages, older ones beyond this many are let go, so a tab left open on a busy
    /// channel all day holds (and renders) a bounded list; scrolling up loads them again by sequence.
    /// </summary>
    public const int MaxHeldWhileFollowing = 300;

    /// <summary>Whether the reader is at the newest messages (the list tells); only then are the oldest let go. Default true.</summary>
    public bool ReaderAtBottom { get; set; } = true;

    /// <summary>The messages held, oldest first, each sequence once.</summary>
    public IReadOnlyList<MessageDto> Messages => _held;

    /// <summary>Whether older messages than the first one held exist.</summary>
    public bool HasOlder { get; private set; }

    public long LastSequence => Messages.Count == 0 ? 0 : Messages[^1].Sequence;

    /// <summary>Names of the others typing now, in the order they started.</summary>
    public IReadOnlyList<string> Typing => _typing?.Names ?? [];

    /// <summary>
    /// Starts watching, then loads the newest page, or the page around <paramref name="aroundSequence"/> when
    /// jumping to a message; events arriving meanwhile are applied after it.
    /// </summary>
    /// <param name="channelEvent">Told of changes to the channel itself (renamed, archived, members), after the feed's own.</param>
    public async Task<Result> StartAsync(
        Guid channelId,
        Func<Func<Task>, Task> dispatch,
        Action changed,
        long? aroundSequence = null,
        Func<ChatEvent, Task>? channelEvent = null)
    {
        Stop();
        (_channelId, _dispatch, _changed) = (channelId, dispatch, changed);
        _channelEvent = channelEvent ?? (_ => Task.CompletedTask);
        _typing = new TypingTracker(clock, dispatch, changed);
        _viewerId = (await currentActor.GetAsync()).UserId;
        var watching = await watch.HandleAsync(new WatchChannel(channelId, OnEventAsync));
        if (!watching.Succeeded)
        {
            return watching.Error!;
        }

        _subscription = watching.Value;
        var page = aroundSequence is { } around
            ? new GetHistory(channelId, BeforeSequence: around + (GetHistory.DefaultLimit / 2) + 1)
            : new GetHistory(channelId);
        var newest = await history.HandleAsync(page);
        if (!newest.Succeeded)
        {
            return newest.Error!;
        }

        _held = SharedPrefixList<MessageDto>.Of(newest.Value);
        HasOlder = newest.Value.Count == GetHistory.DefaultLimit && newest.Value[0].Sequence > 1;
        _loaded = true;
        foreach (var early in _early)
        {
            await ApplyAsync(early);
        }

        _early.Clear();
        return Result.Success();
    }

    /// <summary>Prepends the page before the oldest message held.</summary>
    public async Task<Result> LoadOlderAsync()
    {
        if (Messages.Count == 0)
        {
            return Result.Success();
        }

        var older = await history.HandleAsync(new GetHistory(_channelId, BeforeSequence: Messages[0].Sequence));
        if (!older.Succeeded)
        {
            return older.Error!;
        }

        _held = SharedPrefixList<MessageDto>.Of(older.Value.Concat(_held));
        HasOlder = older.Value.Count == GetHistory.DefaultLimit && older.Value[0].Sequence > 1;
        return Result.Success();
    }

    /// <summary>Fetches everything after the last sequence held, e.g. after the connection came back.</summary>
    public async Task CatchUpAsync()
    {
        while (true)
        {
            var missed = await history.HandleAsync(new GetHistory(_channelId, AfterSequence: LastSequence, Limit: GetHistory.MaxLimit));
            if (!missed.Succeeded || missed.Value.Count == 0)
            {
                return;
            }

            foreach (var message in missed.Value.Where(m => m.Sequence > LastSequence))
            {
                _held = _held.Append(message);
            }

            if (missed.Value.Count < GetHistory.MaxLimit)
            {
                return;
            }
        }
    }

    public void Dispose() => Stop();

    private Task OnEventAsync(ChatEvent chatEvent) => _dispatch(async () =>
    {
        if (!_loaded)
        {
            _early.Add(chatEvent);
            return;
        }

        await ApplyAsync(chatEvent);
    });

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case MessagePosted posted:
                await ApplyPostedAsync(posted);
                break;
            case MessageEdited { Message: var edited }:
                Update(edited.Sequence, held => NewerCopy.OfVersion(held, edited));
                break;
            case MessageDeleted { Message: var deleted }:
                Update(deleted.Sequence, held => NewerCopy.OfVersion(held, deleted));
                break;
            case MessagePinChanged { Message: var pinned }:
                Update(pinned.Sequence, held => NewerCopy.OfVersion(held, pinned));
                break;
            case ReactionsChanged { Message: var reacted }:
                Update(reacted.Sequence, held => NewerCopy.OfReactions(held, reacted));
                break;
            case ThreadUpdated { Root: var root }:
                Update(root.Sequence, held => NewerCopy.OfThread(held, root));
                break;
            case FileScanned scanned:
                ReplaceFile(scanned);
                break;
            case UserTyping typing when typing.UserId != _viewerId:
                _typing?.Typing(typing.UserId, typing.DisplayName);
                break;
            case ChannelChanged or MembersChanged:
                await _channelEvent(chatEvent);
                break;
        }
    }

    private void ReplaceFile(FileScanned scanned)
    {
        var index = Messages.ToList().FindIndex(m => m.Id == scanned.MessageId);
        if (index < 0)
        {
            if (_scansAhead.Count < 100)
            {
                (_scansAhead.TryGetValue(scanned.MessageId, out var ahead) ? ahead : _scansAhead[scanned.MessageId] = []).Add(scanned.File);
            }

            return;
        }

        Put(index, NewerCopy.WithScanned(Messages[index], scanned.File));
    }

    private void ApplyScansAhead()
    {
        // Runs for every message in every viewer's tab: nothing waiting is the rule.
        if (_scansAhead.Count == 0)
        {
            return;
        }

        foreach (var (messageId, verdicts) in _scansAhead.ToList())
        {
            if (Messages.Any(m => m.Id == messageId))
            {
                _scansAhead.Remove(messageId);
                verdicts.ForEach(file => ReplaceFile(new FileScanned(_channelId, messageId, file)));
            }
        }
    }

    /// <summary>Swaps in what a newer copy changes in a message held; older copies and unknown messages change nothing.</summary>
    private void Update(long sequence, Func<MessageDto, MessageDto?> newer)
    {
        var index = IndexOf(sequence);
        if (index >= 0 && newer(Messages[index]) is { } changed)
        {
            Put(index, changed);
        }
    }

    /// <summary>Replaces the message at <paramref name="index"/> in a new list, so renderers see the change.</summary>
    private void Put(int index, MessageDto message)
    {
        _held = _held.With(index, message);
        _changed();
    }

    private int IndexOf(long sequence)
    {
        // Sequences held are dense from the first one, so the position follows from the number.
        var index = Messages.Count == 0 ? -1 : (int)(sequence - Messages[0].Sequence);
        return index >= 0 && index < Messages.Count && Messages[index].Sequence == sequence ? index : -1;
    }

    private async Task ApplyPostedAsync(MessagePosted posted)
    {
        if (posted.Sequence <= LastSequence)
        {
            return;
        }

        // Sending ends typing.
        _typing?.Sent(posted.Message.SenderId);
        if (posted.Sequence == LastSequence + 1)
        {
            _held = _held.Append(posted.Message);
        }
        else
        {
            await CatchUpAsync();
        }

        LetOldestGo();
        ApplyScansAhead();
        _changed();
    }

    private void LetOldestGo()
    {
        if (ReaderAtBottom && Messages.Count > MaxHeldWhileFollowing + GetHistory.DefaultLimit)
        {
            _held = SharedPrefixList<MessageDto>.Of(_held.Skip(_held.Count - MaxHeldWhileFollowing));
            HasOlder = true;
        }
    }

    private void Stop()
    {
        _typing?.Dispose();
        _typing = null;
        _subscription?.Dispose();
        _subscription = null;
        _loaded = false;
        _early.Clear();
        _scansAhead.Clear();
        _held = SharedPrefixList<MessageDto>.Empty;
        ReaderAtBottom = true;
    }
}
