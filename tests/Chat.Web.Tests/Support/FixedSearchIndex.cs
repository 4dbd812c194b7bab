using Chat.Application.Search;

namespace Chat.Web.Tests.Support;

/// <summary>A search index that answers every search with the hits a test set, keeping the criteria it was asked.</summary>
public sealed class FixedSearchIndex : ISearchIndex
{
    public List<SearchHit> Hits { get; } = [];

    public List<SearchCriteria> Asked { get; } = [];

    /// <summary>Whether each search answers as one that ran out of time.</summary>
    public bool TimesOut { get; set; }

    public Task<IndexMatches> SearchAsync(SearchCriteria criteria, CancellationToken cancellationToken)
    {
        Asked.Add(criteria);
        return Task.FromResult(new IndexMatches(Hits.Count, [.. Hits]) { TimedOut = TimesOut });
    }
}
