using Chat.Application.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Chat.Infrastructure.Search;

/// <summary>Turns a parsed search into a Lucene query over the message fields (the channel filter is applied apart).</summary>
internal static class LuceneQuery
{
    /// <param name="forHighlighting">
    /// Word beginnings as word lookups the highlighter can match in a text, instead of the indexed beginnings.
    /// </param>
    public static Query Build(SearchCriteria criteria, bool forHighlighting = false)
    {
        var search = criteria.Query;
        var query = new BooleanQuery();
        foreach (var word in search.Words)
        {
            query.Add(Word(word), Occur.MUST);
        }

        foreach (var phrase in search.Phrases)
        {
            query.Add(Phrase(phrase), Occur.MUST);
        }

        foreach (var prefix in search.Prefixes)
        {
            query.Add(Prefix(SearchAnalyzers.Whole(prefix), forHighlighting), Occur.MUST);
        }

        if (criteria.SenderIds.Count > 0)
        {
            query.Add(Either([.. criteria.SenderIds.Select(id => new TermQuery(new Term(MessageFields.Sender, id)))]), Occur.MUST);
        }

        if (criteria.SentFrom is not null || criteria.SentBefore is not null)
        {
            query.Add(
                NumericRangeQuery.NewInt64Range(
                    MessageFields.At, criteria.SentFrom?.ToUnixTimeMilliseconds(), criteria.SentBefore?.ToUnixTimeMilliseconds(),
                    minInclusive: true, maxInclusive: false),
                Occur.MUST);
        }

        foreach (var flag in search.Flags)
        {
            query.Add(new TermQuery(new Term(MessageFields.Flag, flag.ToString())), Occur.MUST);
        }

        // Only exclusions and no filter: everything the searcher may read, less those.
        if (query.Clauses.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        foreach (var excluded in search.Excluded)
        {
            query.Add(excluded.Contains(' ') ? Phrase(excluded) : Word(excluded), Occur.MUST_NOT);
        }

        return query;
    }

    /// <summary>A word matches stemmed in the text, or whole as typed (identifiers, addresses, numbers).</summary>
    private static Query Word(string word)
    {
        var stemmed = SearchAnalyzers.Terms(SearchAnalyzers.Body, MessageFields.Body, word);
        var whole = SearchAnalyzers.Whole(word);
        var alternatives = new List<Query>();
        if (stemmed.Count > 0)
        {
            alternatives.Add(Sequence(MessageFields.Body, stemmed));
        }

        // A plain word is already matched by its stem; only identifiers (foo.bar, ISSUE-123, addresses) need the
        // whole form, and leaving it out for plain words halves the postings a frequent word walks.
        if (whole.Any(c => !char.IsLetterOrDigit(c)))
        {
            alternatives.Add(new TermQuery(new Term(MessageFields.Exact, whole)));
        }

        return alternatives.Count == 0 ? new BooleanQuery() : Either([.. alternatives]);
    }

    // A beginning up to MaxPrefixLength is one indexed term, so even that of the most frequent words costs one lookup
    // within the permitted channels. A longer one is expanded into the words having it, which are few.
    private static Query Prefix(string prefix, bool forHighlighting) =>
        prefix.Length <= SearchAnalyzers.MaxPrefixLength && !forHighlighting
            ? new ConstantScoreQuery(new TermQuery(new Term(MessageFields.Prefix, prefix)))
            : new PrefixQuery(new Term(MessageFields.Exact, prefix))
            {
                MultiTermRewriteMethod = new ConstantScoreAutoRewrite { TermCountCutoff = 512, DocCountPercent = 100 },
            };

    private static Query Phrase(string phrase)
    {
        var stemmed = SearchAnalyzers.Terms(SearchAnalyzers.Body, MessageFields.Body, phrase);
        return stemmed.Count > 0
            ? Sequence(MessageFields.Body, stemmed)
            : Sequence(MessageFields.Exact, SearchAnalyzers.Terms(SearchAnalyzers.Exact, MessageFields.Exact, phrase));
    }

    private static Query Sequence(string field, List<string> terms)
    {
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0]));
        }

        var phrase = new PhraseQuery();
        terms.ForEach(term => phrase.Add(new Term(field, term)));
        return phrase;
    }

    private static BooleanQuery Either(params Query[] alternatives)
    {
        var either = new BooleanQuery();
        foreach (var alternative in alternatives)
        {
            either.Add(alternative, Occur.SHOULD);
        }

        return either;
    }
}
