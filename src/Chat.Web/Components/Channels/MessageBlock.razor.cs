using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

public partial class MessageBlock
{
    private IReadOnlyList<MessageDto>? _rendered;
    private MessageDto? _renderedPrevious;
    private MessageListOptions? _renderedOptions;

    /// <summary>The messages of this block, oldest first. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<MessageDto> Messages { get; set; } = [];

    /// <summary>The message shown just above the block, for day separators and folding. Default none.</summary>
    [Parameter]
    public MessageDto? Previous { get; set; }

    /// <summary>What the messages share. Required.</summary>
    [Parameter, EditorRequired]
    public MessageListOptions Options { get; set; } = default!;

    [Inject]
    private Layout.ViewerClock Clock { get; set; } = default!;

    protected override void OnInitialized() => Remember();

    // Compared with what was last rendered, not with the parameters set last: a block can be handed new messages and
    // then the same ones again before its render runs, and must still render them.
    protected override bool ShouldRender()
    {
        if (ReferenceEquals(_renderedOptions, Options) && ReferenceEquals(_renderedPrevious, Previous) && SameMessages())
        {
            return false;
        }

        Remember();
        return true;
    }

    private void Remember() => (_rendered, _renderedPrevious, _renderedOptions) = (Messages, Previous, Options);

    // Messages are immutable: a changed message is a new instance.
    private bool SameMessages() => _rendered is not null && _rendered.SequenceEqual(Messages, ReferenceEqualityComparer.Instance);
}
