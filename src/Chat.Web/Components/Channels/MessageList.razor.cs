using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class MessageList : IAsyncDisposable
{
    private ElementReference _scroller;
    private ElementReference _sentinel;
    private IJSObjectReference? _module;
    private DotNetObjectReference<MessageList>? _self;
    private bool _loadingOlder;
    private bool _restoreScroll;
    private MessageListOptions? _options;
    private Guid? _activeMessageId;
    private MessageBlock? _newestBlock;
    private ArraySegment<MessageDto> _renderedShown;
    private int _newestBlockStart;
    private bool _renderedHasOlder;
    private int _positionedKey = -1;

    private static readonly MarkupString JumpToUnread = new(
        "<button type=\"button\" class=\"message-list-pill jump-to-unread\" id=\"jump-to-unread\" hidden>Jump to unread ↑</button>");

    private static readonly MarkupString NewMessagesBelow = new(
        "<button type=\"button\" class=\"message-list-pill new-below\" id=\"new-messages-below\" hidden>New messages below ↓</button>");

    /// <summary>The messages to show, oldest first. Default none.</summary>
    [Parameter]
    public IReadOnlyList<MessageDto> Messages { get; set; } = [];

    /// <summary>
    /// Changes each time a conversation is opened (or a message jumped to): the list then puts the reader where they
    /// start, at the highlighted message, at the "New messages" divider, or at the newest message. Default 0.
    /// </summary>
    [Parameter]
    public int OpenedKey { get; set; }

    /// <summary>Whether to offer loading older messages. Default false.</summary>
    [Parameter]
    public bool HasOlder { get; set; }

    /// <summary>Called when the user asks for older messages.</summary>
    [Parameter]
    public EventCallback OnLoadOlder { get; set; }

    /// <summary>Called when the reader scrolls away from the newest messages (false) or back to them (true).</summary>
    [Parameter]
    public EventCallback<bool> OnReaderAtBottomChanged { get; set; }

    /// <summary>A message to scroll to and highlight (a jump link). Default none.</summary>
    [Parameter]
    public long? HighlightSequence { get; set; }

    /// <summary>The first message that was unread when the channel opened; a divider goes above it. Default none.</summary>
    [Parameter]
    public long? FirstUnreadSequence { get; set; }

    /// <summary>The viewer's user id: their own messages offer edit and delete. Default none.</summary>
    [Parameter]
    public string? ViewerId { get; set; }

    /// <summary>Whether the viewer may delete anyone's messages. Default false.</summary>
    [Parameter]
    public bool CanModerate { get; set; }

    /// <summary>The message being edited in place, if any. Default none.</summary>
    [Parameter]
    public Guid? EditingMessageId { get; set; }

    /// <summary>See <see cref="MessageItem.OnEditRequested"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnEditRequested { get; set; }

    /// <summary>See <see cref="MessageItem.OnSave"/>.</summary>
    [Parameter]
    public EventCallback<(MessageDto Message, string Text)> OnSave { get; set; }

    /// <summary>See <see cref="MessageItem.OnCancelEdit"/>.</summary>
    [Parameter]
    public EventCallback OnCancelEdit { get; set; }

    /// <summary>Whether the viewer may react. Default false.</summary>
    [Parameter]
    public bool CanReact { get; set; }

    /// <summary>See <see cref="MessageItem.OnToggleReaction"/>.</summary>
    [Parameter]
    public EventCallback<(MessageDto Message, string EmojiId)> OnToggleReaction { get; set; }

    /// <summary>See <see cref="MessageItem.OnMarkUnread"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnMarkUnread { get; set; }

    /// <summary>See <see cref="MessageItem.OnPin"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnPin { get; set; }

    /// <summary>See <see cref="MessageItem.OnOpenThread"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnOpenThread { get; set; }

    /// <summary>See <see cref="MessageItem.OnDelete"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnDelete { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private Layout.ViewerClock Clock { get; set; } = default!;

    /// <summary>
    /// Shows the feed's messages now. A new message changes only this list (and there only its block), so the page
    /// does not render again for it: every viewer of a busy channel would pay for the page's diff on every message.
    /// </summary>
    public void Show(IReadOnlyList<MessageDto> messages, bool hasOlder)
    {
        (Messages, HasOlder) = (messages, hasOlder);

        // A message joining the newest block changes nothing else here: that block alone renders, and the list does
        // not hand every block its messages again (each would be asked whether it changed).
        var shown = InChannel(messages);
        if (_newestBlock is not null && hasOlder == _renderedHasOlder && JoinsNewestBlock(shown))
        {
            _renderedShown = shown;
            _newestBlock.Show(shown.Slice(_newestBlockStart));
            return;
        }

        StateHasChanged();
    }

    protected override void OnParametersSet()
    {
        _options = MessageListOptions.Keep(_options, new MessageListOptions(ViewerId, CanModerate, CanReact, EditingMessageId,
            FirstUnreadSequence, HighlightSequence, Clock.Zone, OnToggleReaction, OnEditRequested, OnSave, OnCancelEdit, OnDelete, OnPin,
            OnMarkUnread, OnOpenThread));
    }

    // Appended to what was rendered (the same buffer, a longer view) and within the newest block's sequence numbers.
    private bool JoinsNewestBlock(ArraySegment<MessageDto> shown) =>
        _renderedShown.Count > 0 && shown.Array == _renderedShown.Array && shown.Offset == _renderedShown.Offset
        && shown.Count > _renderedShown.Count && shown[^1].Sequence / MessageBlock.Span == _renderedShown[^1].Sequence / MessageBlock.Span;

    // What this render shows, remembered so that the next message can go to the newest block alone.
    private ArraySegment<MessageDto> Shown()
    {
        _renderedHasOlder = HasOlder;
        return _renderedShown = InChannel(Messages);
    }

    // The feed's own buffer when every message belongs here (it never changes what a render saw), otherwise one exactly
    // sized copy: this runs for every viewer on every message.
    private static ArraySegment<MessageDto> InChannel(IReadOnlyList<MessageDto> messages)
    {
        var count = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            count += messages[i].IsInChannel ? 1 : 0;
        }

        if (count == messages.Count && messages is SharedPrefixList<MessageDto> held)
        {
            return held.AsSegment();
        }

        var shown = new MessageDto[count];
        for (int i = 0, next = 0; next < count; i++)
        {
            if (messages[i].IsInChannel)
            {
                shown[next++] = messages[i];
            }
        }

        return shown;
    }

    // Blocks are views into what this render shows (never changed after), not copies.
    private IEnumerable<(long Key, IReadOnlyList<MessageDto> Messages, MessageDto? Previous)> Blocks(ArraySegment<MessageDto> shown)
    {
        var start = 0;
        for (var i = 1; i <= shown.Count; i++)
        {
            if (i == shown.Count || shown[i].Sequence / MessageBlock.Span != shown[start].Sequence / MessageBlock.Span)
            {
                _newestBlockStart = start;
                yield return (shown[start].Sequence / MessageBlock.Span, shown.Slice(start, i - start), start == 0 ? null : shown[start - 1]);
                start = i;
            }
        }
    }

    // Consecutive messages from one sender within five minutes read as one block, as in Slack.
    internal static bool Continues(MessageDto? previous, MessageDto message) =>
        previous is { IsDeleted: false, ThreadRootId: null } && !message.IsDeleted && message.ThreadRootId is null
        && previous.SenderId == message.SenderId
        && message.CreatedAt - previous.CreatedAt < TimeSpan.FromMinutes(5);

    /// <summary>Called from the browser when the top of the list scrolls into view.</summary>
    [JSInvokable]
    public Task LoadOlderFromScrollAsync() => LoadOlderAsync();

    /// <summary>Called from the browser when the actions button of a quiet message (see MessageBlock) is pressed.</summary>
    [JSInvokable]
    public void OpenActions(long sequence)
    {
        if (Messages.FirstOrDefault(m => m.Sequence == sequence) is { } message)
        {
            _activeMessageId = message.Id;
            StateHasChanged();
        }
    }

    /// <summary>Called from the browser when the reader leaves or reaches the newest messages.</summary>
    [JSInvokable]
    public Task ReaderAtBottomAsync(bool atBottom) => OnReaderAtBottomChanged.InvokeAsync(atBottom);

    private async Task LoadOlderAsync()
    {
        if (!HasOlder || _loadingOlder)
        {
            return;
        }

        _loadingOlder = true;
        try
        {
            // The page lands above what the reader sees; where they were reading stays where it is on screen.
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("rememberPosition", _scroller);
                _restoreScroll = true;
            }

            await OnLoadOlder.InvokeAsync();
        }
        finally
        {
            _loadingOlder = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/MessageList.razor.js");
        if (_restoreScroll)
        {
            _restoreScroll = false;
            await _module.InvokeVoidAsync("restorePosition", _scroller);
        }

        if (_positionedKey != OpenedKey)
        {
            _positionedKey = OpenedKey;
            // Only the types of the calls every tab makes anyway (each new type costs every circuit its JSON metadata).
            if (HighlightSequence is { } highlight)
            {
                await _module.InvokeVoidAsync("position", _scroller, highlight);
            }
            else
            {
                await _module.InvokeVoidAsync("position", _scroller);
            }
        }

        // Watching starts once the list sits where the reader starts, so opening a channel loads no history early. From
        // then on the browser follows new messages itself while the reader is at the bottom.
        if (_self is null)
        {
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("watchScrolling", _scroller, _sentinel, _self);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stopWatchingScrolling", _scroller);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and its observers with it.
            }
        }

        _self?.Dispose();
        await _module.DisposeQuietlyAsync();
    }
}
