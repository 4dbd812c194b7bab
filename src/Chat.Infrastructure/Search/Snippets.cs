using Chat.Application.Search;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Chat.Infrastructure.Search;

/// <summary>
/// The passage of a message that best shows why it matched, as plain-text parts with the matched words flagged: no
/// markup is made here, so the page escapes every character of a message like any other text.
/// </summary>
internal static class Snippets
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';
    private const int Length = 200;

    /// <summary>A highlighter for one search, reused for each of its hits (building one per hit costs more than the search).</summary>
    public static Highlighter For(Query query) =>
        new(new SimpleHTMLFormatter(Open.ToString(), Close.ToString()), new QueryScorer(query))
        {
            TextFragmenter = new SimpleFragmenter(Length),
        };

    public static IReadOnlyList<SnippetPart> Of(Highlighter highlighter, string text)
    {
        // Control characters in a message must not pass for our marks.
        text = text.Replace(Open, ' ').Replace(Close, ' ');
        var best = highlighter.GetBestFragments(SearchAnalyzers.Body, MessageFields.Body, text, 2);
        return best.Length == 0
            ? [new SnippetPart(text.Length <= Length ? text : text[..Length] + "…", false)]
            : Split(string.Join(" … ", best));
    }

    private static List<SnippetPart> Split(string marked)
    {
        var parts = new List<SnippetPart>();
        var matched = false;
        foreach (var piece in marked.Split(Open, Close))
        {
            if (piece.Length > 0)
            {
                parts.Add(new SnippetPart(piece, matched));
            }

            matched = !matched;
        }

        return parts;
    }
}
