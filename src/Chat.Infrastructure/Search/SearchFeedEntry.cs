namespace Chat.Infrastructure.Search;

/// <summary>
/// One line of the durable, ordered change feed the search index follows: "message X changed". Written in the same
/// transaction as the change, so no change is ever committed without its line; the indexer reads the message's
/// current state, which makes applying a line twice harmless.
/// </summary>
internal sealed class SearchFeedEntry(Guid messageId)
{
    public long Position { get; private set; }

    public Guid MessageId { get; private set; } = messageId;
}
