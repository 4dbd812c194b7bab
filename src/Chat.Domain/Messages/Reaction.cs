namespace Chat.Domain.Messages;

/// <summary>One user's reaction to one message with one emoji; unique per (message, user, emoji).</summary>
public sealed class Reaction
{
    private Reaction()
    {
        UserId = string.Empty;
        EmojiId = string.Empty;
    }

    public Reaction(Guid messageId, string userId, string emojiId, DateTimeOffset at)
    {
        if (!Emoji.IsKnown(emojiId))
        {
            throw new ArgumentException($"Unknown emoji '{emojiId}'.", nameof(emojiId));
        }

        MessageId = messageId;
        UserId = userId;
        EmojiId = emojiId;
        CreatedAt = at;
    }

    public Guid MessageId { get; private set; }

    public string UserId { get; private set; }

    public string EmojiId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
