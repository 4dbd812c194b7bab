using Chat.Application.Messages;
using Chat.Application.Threads.FollowThread;
using Chat.Application.Threads.GetThread;
using Chat.Application.Threads.MarkThreadRead;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class ThreadPanel : IAsyncDisposable
{
    private ElementReference _panel;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ThreadPanel>? _self;
    private OpenThread? _thread;
    private string? _error;
    private long _markedRead;
    private MessageListOptions? _rootOptions;
    private MessageListOptions? _replyOptions;

    /// <summary>The message that started the thread. Required.</summary>
    [Parameter, EditorRequired]
    public Guid RootId { get; set; }

    /// <summary>The channel's live messages, from which new replies and changes are taken. Default none.</summary>
    [Parameter]
    public IReadOnlyList<MessageDto> FeedMessages { get; set; } = [];

    /// <summary>The conversation's title, shown in the header and the composer. Default empty.</summary>
    [Parameter]
    public string ChannelName { get; set; } = string.Empty;

    /// <summary>The viewer's user id. Default none.</summary>
    [Parameter]
    public string? ViewerId { get; set; }

    /// <summary>Whether the viewer may reply and react. Default false.</summary>
    [Parameter]
    public bool CanPost { get; set; }

    /// <summary>Whether the viewer may delete anyone's messages. Default false.</summary>
    [Parameter]
    public bool CanModerate { get; set; }

    /// <summary>The reply being edited in place, if any. Default none.</summary>
    [Parameter]
    public Guid? EditingMessageId { get; set; }

    /// <summary>Called when the reader closes the panel (button or Esc).</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>See <see cref="MessageItem.OnToggleReaction"/>.</summary>
    [Parameter]
    public EventCallback<(MessageDto Message, string EmojiId)> OnToggleReaction { get; set; }

    /// <summary>See <see cref="MessageItem.OnEditRequested"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnEditRequested { get; set; }

    /// <summary>See <see cref="MessageItem.OnSave"/>.</summary>
    [Parameter]
    public EventCallback<(MessageDto Message, string Text)> OnSave { get; set; }

    /// <summary>See <see cref="MessageItem.OnCancelEdit"/>.</summary>
    [Parameter]
    public EventCallback OnCancelEdit { get; set; }

    /// <summary>See <see cref="MessageItem.OnDelete"/>.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnDelete { get; set; }

    [Inject]
    private GetThreadHandler GetThread { get; set; } = default!;

    [Inject]
    private FollowThreadHandler FollowThread { get; set; } = default!;

    [Inject]
    private MarkThreadReadHandler MarkThreadRead { get; set; } = default!;

    [Inject]
    private Layout.FollowedThreads FollowedThreads { get; set; } = default!;

    [Inject]
    private Layout.ViewerClock Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // The root is only reacted to or deleted here; replies are edited in place too.
        var root = new MessageListOptions(ViewerId, CanModerate, CanPost, null, null, null, Clock.Zone,
            OnToggleReaction, default, default, default, OnDelete, default, default, default);
        var replies = root with { EditingMessageId = EditingMessageId, OnEditRequested = OnEditRequested, OnSave = OnSave, OnCancelEdit = OnCancelEdit };
        _rootOptions = MessageListOptions.Keep(_rootOptions, root);
        _replyOptions = MessageListOptions.Keep(_replyOptions, replies);
        if (_thread?.Root.Id != RootId)
        {
            if (_thread is not null)
            {
                FollowedThreads.Left(_thread.Root.Id);
            }

            (_thread, _error, _markedRead) = (null, null, 0);
            var loaded = await GetThread.HandleAsync(new GetThread(RootId));
            if (!loaded.Succeeded)
            {
                _error = loaded.Error!.Message;
                return;
            }

            _thread = new OpenThread(loaded.Value);
        }

        _thread.Merge(FeedMessages);
        if (_thread.IsFollowing && _thread.LastSequence > _markedRead)
        {
            _markedRead = _thread.LastSequence;
            await MarkThreadRead.HandleAsync(new MarkThreadRead(RootId, _markedRead));
        }

        // Open here, its replies are read: the Threads link does not count them.
        FollowedThreads.Viewing(RootId);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/ThreadPanel.razor.js");
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("closeOnEscape", _panel, _self);
        }
    }

    /// <summary>Called from the browser when Esc is pressed while no editor or menu wants it.</summary>
    [JSInvokable]
    public Task CloseAsync() => OnClose.InvokeAsync();

    private async Task ToggleFollowAsync()
    {
        var follow = !_thread!.IsFollowing;
        var done = await FollowThread.HandleAsync(new FollowThread(RootId, follow));
        if (done.Succeeded)
        {
            _thread.IsFollowing = follow;
        }
        else
        {
            _error = done.Error!.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_thread is not null)
        {
            FollowedThreads.Left(_thread.Root.Id);
        }

        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stopClosingOnEscape", _panel);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and its listener with it.
            }
        }

        _self?.Dispose();
        await _module.DisposeQuietlyAsync();
    }
}
