using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Chat.Web.Components.Channels;

/// <summary>
/// A run of consecutive messages. A new message re-renders only the block it joins, not the whole history. A quiet
/// message (no files, reactions or thread, not being edited or acted on) is one frame of shared markup here
/// (<see cref="MessageMarkup.Quiet"/>), not a component: a new message is rendered in every viewer's tab, and a
/// component per message cost each tab three times the memory. Its "more" button is answered by the list's script,
/// which makes the message active: then it is a <see cref="MessageItem"/>, in the same place of the render tree, so
/// the messages after it are left alone.
/// </summary>
public sealed class MessageBlock : ComponentBase
{
    private const string NewMessagesDivider = "<div class=\"new-messages\" id=\"new-messages\" role=\"separator\">New messages</div>";

    /// <summary>How many sequence numbers a block spans: a message joining the newest block leaves every other block as it was.</summary>
    public const int Span = 16;

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

    // Each message's frames take sequence numbers from its place in the block's span of sequences, so the diff matches
    // a message with itself whatever comes before it (older history landing in this block), and a message turning from
    // quiet markup into a MessageItem replaces that one frame, leaving the ones after it alone. (The analyzer asks for
    // literals, which only keep source order; these increase through the block just the same.)
#pragma warning disable ASP0006
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        for (var i = 0; i < Messages.Count; i++)
        {
            var message = Messages[i];
            var place = 10 + (int)(message.Sequence % Span) * 10;
            var previous = i == 0 ? Previous : Messages[i - 1];
            var firstNew = Options.FirstUnreadSequence is { } unread && message.Sequence >= unread && (previous is null || previous.Sequence < unread);
            var newDay = previous is null || Clock.Day(previous.CreatedAt) != Clock.Day(message.CreatedAt);
            if (newDay)
            {
                builder.OpenElement(place, "div");
                builder.AddAttribute(1, "class", "day-separator");
                builder.AddAttribute(2, "role", "separator");
                builder.AddContent(3, Clock.DayLabel(message.CreatedAt));
                builder.CloseElement();
            }

            if (firstNew)
            {
                builder.AddMarkupContent(place + 1, NewMessagesDivider);
            }

            var continuation = !newDay && !firstNew && MessageList.Continues(previous, message);
            if (IsQuiet(message))
            {
                builder.AddMarkupContent(place + 2, MessageMarkup.Of(message).Quiet(Options.Zone, continuation,
                    message.Sequence == Options.HighlightSequence, message.Mentions(Options.ViewerId)).Value);
            }
            else
            {
                builder.OpenComponent<MessageItem>(place + 2);
                builder.AddComponentParameter(3, nameof(MessageItem.Message), message);
                builder.AddComponentParameter(4, nameof(MessageItem.Options), Options);
                builder.AddComponentParameter(5, nameof(MessageItem.IsContinuation), continuation);
                builder.AddComponentParameter(6, nameof(MessageItem.ActionsOpen), message.Id == ActiveMessageId);
                builder.CloseComponent();
            }
        }
    }
#pragma warning restore ASP0006

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
