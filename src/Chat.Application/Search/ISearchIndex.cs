namespace Chat.Application.Search;

/// <summary>The full-text index of messages (Lucene in Infrastructure), a projection of the database.</summary>
public interface ISearchIndex
{
    /// <summary>
    /// Matches <see cref="SearchCriteria.Query"/> among messages of <see cref="SearchCriteria.ChannelIds"/> only: the
    /// caller passes the channels the searcher may read, and re-checks every hit before showing it.
    /// </summary>
    Task<IndexMatches> SearchAsync(SearchCriteria criteria, CancellationToken cancellationToken);
}

/// <param name="ChannelIds">The only channels hits may come from (the searcher's readable ones, narrowed by in:).</param>
/// <param name="SenderIds">Only messages from these people (from:); anyone when empty.</param>
public sealed record SearchCriteria(
    SearchQuery Query, IReadOnlyCollection<Guid> ChannelIds, IReadOnlyCollection<string> SenderIds, SearchSort Sort, int Skip, int Take)
{
    /// <summary>Only messages sent at or after this instant (the start of the query's first day where the searcher is).</summary>
    public DateTimeOffset? SentFrom { get; init; }

    /// <summary>Only messages sent before this instant.</summary>
    public DateTimeOffset? SentBefore { get; init; }
}

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <param name="Total">How many messages matched in all (before the hits' re-check).</param>
public sealed record IndexMatches(int Total, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>The search ran out of time: these are the hits found until then.</summary>
    public bool TimedOut { get; init; }
}

/// <param name="Version">The message's version when it was indexed: a hit on an older text than the current one is not shown.</param>
/// <param name="Snippet">The matching passage, with the matched words marked.</param>
public sealed record SearchHit(Guid MessageId, int Version, IReadOnlyList<SnippetPart> Snippet);

/// <summary>A run of plain text of a snippet; <paramref name="Matched"/> for the words the search found.</summary>
public sealed record SnippetPart(string Text, bool Matched);
