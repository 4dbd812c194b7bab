using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Chat.Infrastructure.Search;

/// <summary>
/// How text becomes searchable words. Two readings of every text: <see cref="Body"/> stems English words
/// ("deploying" finds "deployed"); <see cref="Exact"/> keeps identifiers whole (<c>foo.bar</c>, <c>ISSUE-123</c>,
/// <c>ops@example.com</c>, <c>12:30</c>) and also splits them into their parts, so either is found.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Body { get; } = new EnglishAnalyzer(Version, CharArraySet.Empty);

    public static Analyzer Exact { get; } = new ExactAnalyzer(prefixes: false);

    /// <summary>The beginnings of the exact reading's words, up to <see cref="MaxPrefixLength"/> characters.</summary>
    public static Analyzer Prefixes { get; } = new ExactAnalyzer(prefixes: true);

    /// <summary>The longest word beginning indexed as a term; a longer prefix is looked up among the words instead.</summary>
    public const int MaxPrefixLength = 12;

    /// <summary>The analyzer per field, for the index writer.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(
        Body, new Dictionary<string, Analyzer> { [MessageFields.Exact] = Exact, [MessageFields.Prefix] = Prefixes });

    /// <summary>The words <paramref name="text"/> becomes in <paramref name="analyzer"/>'s reading.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>A word as the exact reading keeps it whole: lowercased, without the punctuation around it.</summary>
    public static string Whole(string word)
    {
        var (start, end) = Trimmed(word);
        return word[start..end].ToLowerInvariant();
    }

    private static (int Start, int End) Trimmed(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Whitespace-separated words, lowercased, without the punctuation around them (or their beginnings).</summary>
    private sealed class ExactAnalyzer(bool prefixes) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new WhitespaceTokenizer(Version, reader);
            TokenStream words = new LowerCaseFilter(Version, source);
            words = new TrimPunctuationFilter(words);
            words = new WordDelimiterFilter(
                Version, words,
                WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS | WordDelimiterFlags.PRESERVE_ORIGINAL,
                CharArraySet.Empty);
            if (prefixes)
            {
                words = new EdgeNGramTokenFilter(Version, words, 1, MaxPrefixLength);
            }

            return new TokenStreamComponents(source, words);
        }
    }

    /// <summary>Drops punctuation before and after a word ("(ISSUE-123)," becomes "ISSUE-123"), and words of punctuation only.</summary>
    private sealed class TrimPunctuationFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public TrimPunctuationFilter(TokenStream input)
            : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            while (m_input.IncrementToken())
            {
                var text = _term.ToString();
                var (start, end) = Trimmed(text);
                if (end > start)
                {
                    _term.SetEmpty().Append(text, start, end - start);
                    return true;
                }
            }

            return false;
        }
    }
}
