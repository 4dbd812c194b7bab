using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Chat.Web.Components.Channels;

public partial class MessageItem
{
    private MessageDto? _renderedMessage;
    private ItemView _renderedView;
    private bool _ownStateChanged;
    private bool _actionsOpen;
    private bool _picking;

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

    /// <summary>Whether its actions are open when it first renders (opened from its quiet form in the list). Default false.</summary>
    [Parameter]
    public bool ActionsOpen { get; set; }

    private bool IsOwn => Message.SenderId == Options.ViewerId;

    private bool IsEditing => Message.Id == Options.EditingMessageId;

    private bool IsHighlighted => Message.Sequence == Options.HighlightSequence;

    private ItemView View => new(IsEditing, IsContinuation, IsHighlighted, Options.Zone, Options.CanReact, Options.CanModerate, Options.ViewerId);

    protected override void OnInitialized()
    {
        _actionsOpen = ActionsOpen;
        Remember();
    }

    // Renders only when its message changed (a new version), how the viewer sees it did, or its own state did (actions
    // or picker opened). Compared with what was last rendered, not with the parameters set last: an item can be handed
    // a change and then the same values again before its render runs, and must still render the change.
    protected override bool ShouldRender()
    {
        // Messages are immutable, so a new version is a new instance: compared by reference, not field by field.
        if (!_ownStateChanged && ReferenceEquals(_renderedMessage, Message) && _renderedView == View)
        {
            return false;
        }

        Remember();
        return true;
    }

    private void Remember() => (_renderedMessage, _renderedView, _ownStateChanged) = (Message, View, false);

    private void ToggleActions()
    {
        _actionsOpen = !_actionsOpen;
        _ownStateChanged = true;
    }

    private void CloseActionsOnEscape(KeyboardEventArgs key)
    {
        if (key.Key == "Escape")
        {
            (_actionsOpen, _ownStateChanged) = (false, true);
        }
    }

    private void StartPicking() => (_actionsOpen, _picking, _ownStateChanged) = (false, true, true);

    private void SetPicking(bool picking) => (_picking, _ownStateChanged) = (picking, true);

    private Task ActAsync(EventCallback<MessageDto> action)
    {
        (_actionsOpen, _ownStateChanged) = (false, true);
        return action.InvokeAsync(Message);
    }

    private Task ToggleReactionAsync(string emojiId)
    {
        (_picking, _ownStateChanged) = (false, true);
        return Options.OnToggleReaction.InvokeAsync((Message, emojiId));
    }

    /// <summary>How the viewer sees the message, apart from the message itself.</summary>
    private readonly record struct ItemView(
        bool Editing, bool Continuation, bool Highlighted, TimeZoneInfo Zone, bool CanReact, bool CanModerate, string? ViewerId);
}
