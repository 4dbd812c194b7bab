using Chat.Application.Search;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Chat.Infrastructure.Search;

/// <summary>Searches this node's index within the channels the caller allows, in a bounded time.</summary>
internal sealed class LuceneSearchIndex(LuceneIndex index) : ISearchIndex
{
    /// <summary>How deep paging may go: past this, a narrower search serves better.</summary>
    public const int MaxResults = 1000;

    /// <summary>How long one search may run before it answers with what it found so far.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>The milliseconds the time limit is measured in; Lucene's shared timer unless a test sets its own.</summary>
    internal Counter Clock { get; set; } = TimeLimitingCollector.GlobalCounter;

    public Task<IndexMatches> SearchAsync(SearchCriteria criteria, CancellationToken cancellationToken)
    {
        if (criteria.ChannelIds.Count == 0 || criteria.Skip >= MaxResults)
        {
            return Task.FromResult(new IndexMatches(0, []));
        }

        var query = LuceneQuery.Build(criteria);
        var channels = new TermsFilter([.. criteria.ChannelIds.Select(id => new Term(MessageFields.Channel, id.ToString()))]);
        var wanted = Math.Min(criteria.Skip + criteria.Take, MaxResults);
        return Task.FromResult(index.Search(searcher =>
        {
            var collector = criteria.Sort == SearchSort.Newest
                ? (ITopDocsCollector)TopFieldCollector.Create(
                    new Sort(new SortField(MessageFields.At, SortFieldType.INT64, reverse: true)), wanted,
                    fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
            var timedOut = false;
            try
            {
                // The permitted channels lead: the query is only evaluated on their messages (a frequent word or
                // a broad prefix would otherwise be walked through the whole index).
                var permitted = new FilteredQuery(query, channels, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
                searcher.Search(permitted, new TimeLimitingCollector(
                    (ICollector)collector, Clock, (long)TimeLimit.TotalMilliseconds));
            }
            catch (TimeLimitingCollector.TimeExceededException)
            {
                timedOut = true;
            }

            var top = collector.GetTopDocs();
            var highlighter = Snippets.For(LuceneQuery.Build(criteria, forHighlighting: true));
            var hits = top.ScoreDocs.Skip(criteria.Skip).Select(found =>
            {
                var document = searcher.Doc(found.Doc);
                return new SearchHit(
                    Guid.Parse(document.Get(MessageFields.Id)),
                    document.GetField(MessageFields.Version).GetInt32Value() ?? 0,
                    Snippets.Of(highlighter, document.Get(MessageFields.Body)));
            }).ToList();
            return new IndexMatches(top.TotalHits, hits) { TimedOut = timedOut };
        }));
    }
}
