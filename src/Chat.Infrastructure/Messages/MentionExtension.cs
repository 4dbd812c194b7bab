using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Chat.Infrastructure.Messages;

/// <summary>Marks <c>@handle</c> in message text so it shows as a mention; code spans and blocks are left alone by Markdig.</summary>
internal sealed class MentionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.AddIfNotAlready<MentionParser>();

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<MentionRenderer>();
        }
    }

    private sealed class MentionInline(string handle) : LeafInline
    {
        public string Handle { get; } = handle;
    }

    private sealed class MentionParser : InlineParser
    {
        public MentionParser() => OpeningCharacters = ['@'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            // Same rule as the domain's parser: an @ right after a word character is an e-mail address.
            var before = slice.PeekCharExtra(-1);
            if (before.IsAlphaNumeric() || before is '_' or '@' or '.')
            {
                return false;
            }

            var start = slice.Start;
            var length = 0;
            var next = slice.PeekCharExtra(1);
            while (length < 40 && (next.IsAlphaNumeric() || (length > 0 && next is '.' or '-' or '_')))
            {
                length++;
                next = slice.PeekCharExtra(length + 1);
            }

            var handle = slice.Text.Substring(start + 1, length).TrimEnd('.', '-', '_');
            if (handle.Length == 0)
            {
                return false;
            }

            processor.Inline = new MentionInline(handle) { Span = new(processor.GetSourcePosition(start, out var line, out var column), 0) };
            processor.Inline.Line = line;
            processor.Inline.Column = column;
            slice.Start = start + 1 + handle.Length;
            return true;
        }
    }

    private sealed class MentionRenderer : HtmlObjectRenderer<MentionInline>
    {
        protected override void Write(HtmlRenderer renderer, MentionInline mention) =>
            renderer.Write("<span class=\"mention\">@").WriteEscape(mention.Handle).Write("</span>");
    }
}
