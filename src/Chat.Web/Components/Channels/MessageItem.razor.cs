using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

public partial class MessageItem
{
    private MessageDto? _rendered;
    private bool _renderedEditing;
    private bool _renderedContinuation;
    private bool _renderedHighlight;
    private TimeZoneInfo? _renderedZone;
    private bool _changed;

    /// <summary>The message shown. Required.</summary>
    [Parameter, EditorRequired]
    public MessageDto Message { get; set; } = default!;

    /// <summary>Whether the viewer sent it (may edit and delete). Default false.</summary>
    [Parameter]
    public bool IsOwn { get; set; }

    /// <summary>Whether the viewer may delete anyone's message (workspace admin). Default false.</summary>
    [Parameter]
    public bool CanModerate { get; set; }

    /// <summary>The viewer's user id, for highlighting their reactions. Default none.</summary>
    [Parameter]
    public string? ViewerId { get; set; }

    /// <summary>Whether the viewer may react. Default false.</summary>
    [Parameter]
    public bool CanReact { get; set; }

    /// <summary>Called with an emoji id to add or take back.</summary>
    [Parameter]
    public EventCallback<(MessageDto Message, string EmojiId)> OnToggleReaction { get; set; }

    /// <summary>Whether it follows a message of the same sender closely, so its name and time are folded. Default false.</summary>
    [Parameter]
    public bool IsContinuation { get; set; }

    /// <summary>Whether this is the message a jump link pointed at. Default false.</summary>
    [Parameter]
    public bool IsHighlighted { get; set; }

    /// <summary>The viewer's time zone for the times shown. Default UTC.</summary>
    [Parameter]
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Whether the message is being edited in place. Default false.</summary>
    [Parameter]
    public bool IsEditing { get; set; }

    /// <summary>Asked to start editing this message.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnEditRequested { get; set; }

    /// <summary>The edited text to store.</summary>
    [Parameter]
    public EventCallback<(MessageDto Message, string Text)> OnSave { get; set; }

    /// <summary>Editing was abandoned.</summary>
    [Parameter]
    public EventCallback OnCancelEdit { get; set; }

    /// <summary>Asked to mark the channel unread from this message on.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnMarkUnread { get; set; }

    /// <summary>Asked to pin or unpin this message.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnPin { get; set; }

    /// <summary>Asked to open the thread this message starts.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnOpenThread { get; set; }

    /// <summary>Whether it is shown in the thread panel, which needs no reply button or thread summary. Default false.</summary>
    [Parameter]
    public bool InThread { get; set; }

    /// <summary>Asked to delete this message.</summary>
    [Parameter]
    public EventCallback<MessageDto> OnDelete { get; set; }

    protected override void OnParametersSet()
    {
        _changed = !ReferenceEquals(_rendered, Message) || _renderedEditing != IsEditing
            || _renderedContinuation != IsContinuation || !ReferenceEquals(_renderedZone, TimeZone)
            || _renderedHighlight != IsHighlighted;
        (_rendered, _renderedEditing, _renderedContinuation, _renderedZone, _renderedHighlight) =
            (Message, IsEditing, IsContinuation, TimeZone, IsHighlighted);
    }

    protected override bool ShouldRender() => _changed;

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);
}
