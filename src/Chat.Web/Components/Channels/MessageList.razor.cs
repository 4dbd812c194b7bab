using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Chat.Web.Components.Channels;

public partial class MessageList : IAsyncDisposable
{
    private ElementReference _scroller;
    private IJSObjectReference? _module;
    private long _renderedLastSequence;

    /// <summary>The messages to show, oldest first. Default none.</summary>
    [Parameter]
    public IReadOnlyList<MessageDto> Messages { get; set; } = [];

    /// <summary>Whether to offer loading older messages. Default false.</summary>
    [Parameter]
    public bool HasOlder { get; set; }

    /// <summary>Called when the user asks for older messages.</summary>
    [Parameter]
    public EventCallback OnLoadOlder { get; set; }

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

    // Consecutive messages from one sender within five minutes read as one block, as in Slack.
    private static bool Continues(MessageDto? previous, MessageDto message) =>
        previous is { IsDeleted: false, ThreadRootId: null } && !message.IsDeleted && message.ThreadRootId is null
        && previous.SenderId == message.SenderId
        && message.CreatedAt - previous.CreatedAt < TimeSpan.FromMinutes(5);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var last = Messages.Count == 0 ? 0 : Messages[^1].Sequence;
        if (last == _renderedLastSequence)
        {
            return;
        }

        // Follow new messages at the bottom, unless the reader scrolled up to read history.
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Channels/MessageList.razor.js");
        if (_renderedLastSequence == 0 && HighlightSequence is { } jumpTo)
        {
            await _module.InvokeVoidAsync("showMessage", _scroller, jumpTo);
        }
        else
        {
            await _module.InvokeVoidAsync("followNewMessages", _scroller, firstRender || _renderedLastSequence == 0);
        }

        _renderedLastSequence = last;
    }

    public ValueTask DisposeAsync() => _module.DisposeQuietlyAsync();
}
