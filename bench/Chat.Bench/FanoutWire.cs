namespace Chat.Bench;

// What the fan-out clients send and read of the hub's messages. Public: MessagePack builds formatters for public types only.

public sealed class PostedEvent
{
    public PostedMessage Message { get; set; } = default!;
}

public sealed class PostedMessage
{
    public string Body { get; set; } = string.Empty;
}

public sealed class OutgoingMessage
{
    public Guid ChannelId { get; set; }

    public Guid ClientMessageId { get; set; }

    public string Body { get; set; } = string.Empty;

    public Guid? ThreadRootId { get; set; }

    public bool AlsoSendToChannel { get; set; }
}
