using AngleSharp.Html.Dom;
using Chat.Application.Messages;
using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Chat.Infrastructure.Messages;

/// <summary>
/// Markdig for the syntax, then an allow-list sanitiser over its output, so nothing typed can reach the
/// page as markup that runs. Results are cached: a message is rendered once, not once per viewer.
/// </summary>
internal sealed class MarkdownFormatter : IMessageFormatter, IDisposable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Use<MentionExtension>()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });

    public string ToSafeHtml(string markdown) =>
        _cache.GetOrCreate(markdown, entry =>
        {
            entry.Size = markdown.Length * 3;
            return _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)).Trim();
        })!;

    public void Dispose() => _cache.Dispose();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start", "class" },
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal) { "mention" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
