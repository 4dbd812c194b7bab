using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

public partial class MessageItem
{
    private MessageDto? _renderedMessage;
    private (bool Editing, bool Continuation, bool Highlighted, TimeZoneInfo Zone, bool CanReact, bool CanModerate, string? ViewerId) _renderedView;
    private bool _changed;

    /// <summary>The message shown. Required.</summary>
    [Parameter, EditorRequired]
    public MessageDto Message { get; set; } = default!;

    /// <summary>What the messages of the list share: the viewer, their rights, the message being edited, the actions. Required.</summary>
    [Parameter, EditorRequired]
    public MessageListOptions Options { get; set; } = default!;

    /// <summary>Whether it follows a message of the same sender closely, so its name and time are folded. Default false.</summary>
    [Parameter]
    public bool IsContinuation { get; set; }

    /// <summary>Whether it is shown in the thread panel, which needs no reply button or thread summary. Default false.</summary>
    [Parameter]
    public bool InThread { get; set; }

    private bool IsOwn => Message.SenderId == Options.ViewerId;

    private bool IsEditing => Message.Id == Options.EditingMessageId;

    private bool IsHighlighted => Message.Sequence == Options.HighlightSequence;

    // Re-renders only when its message changed (a new version) or how the viewer sees it did.
    protected override void OnParametersSet()
    {
        // Messages are immutable, so a new version is a new instance: compared by reference, not field by field.
        var view = (IsEditing, IsContinuation, IsHighlighted, Options.Zone, Options.CanReact, Options.CanModerate, Options.ViewerId);
        _changed = !ReferenceEquals(_renderedMessage, Message) || _renderedView != view;
        (_renderedMessage, _renderedView) = (Message, view);
    }

    protected override bool ShouldRender() => _changed;

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Options.Zone);
}
