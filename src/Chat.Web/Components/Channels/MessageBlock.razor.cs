using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

public partial class MessageBlock
{
    private IReadOnlyList<MessageDto>? _rendered;
    private MessageDto? _renderedPrevious;
    private MessageListOptions? _renderedOptions;
    private Guid? _renderedActive;

    /// <summary>The messages of this block, oldest first. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<MessageDto> Messages { get; set; } = [];

    /// <summary>The message shown just above the block, for day separators and folding. Default none.</summary>
    [Parameter]
    public MessageDto? Previous { get; set; }

    /// <summary>What the messages share. Required.</summary>
    [Parameter, EditorRequired]
    public MessageListOptions Options { get; set; } = default!;

    /// <summary>The message whose actions the viewer opened from its quiet form, if any. Default none.</summary>
    [Parameter]
    public Guid? ActiveMessageId { get; set; }

    [Inject]
    private Layout.ViewerClock Clock { get; set; } = default!;

    protected override void OnInitialized() => Remember();

    /// <summary>Shows the block's messages now, when only they changed (a message joined the newest block).</summary>
    public void Show(IReadOnlyList<MessageDto> messages)
    {
        Messages = messages;
        StateHasChanged();
    }

    // Compared with what was last rendered, not with the parameters set last: a block can be handed new messages and
    // then the same ones again before its render runs, and must still render them.
    protected override bool ShouldRender()
    {
        if (ReferenceEquals(_renderedOptions, Options) && ReferenceEquals(_renderedPrevious, Previous) && _renderedActive == ActiveMessageId
            && SameMessages())
        {
            return false;
        }

        Remember();
        return true;
    }

    private void Remember() => (_rendered, _renderedPrevious, _renderedOptions, _renderedActive) = (Messages, Previous, Options, ActiveMessageId);

    private bool IsQuiet(MessageDto message) =>
        !message.IsDeleted && message.Files.Count == 0 && message.Reactions.Count == 0 && message.Thread is null
        && message.Id != Options.EditingMessageId && message.Id != ActiveMessageId;

    // Messages are immutable: a changed message is a new instance.
    private bool SameMessages() => _rendered is not null && _rendered.SequenceEqual(Messages, ReferenceEqualityComparer.Instance);
}
