using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chat.Infrastructure.Messages;

namespace Chat.Infrastructure.Tests.Messages;

public sealed class MarkdownFormatterTests : IDisposable
{
    private static readonly HashSet<string> AllowedElements =
        ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span"];

    private static readonly HashSet<string> AllowedAttributes = ["href", "target", "rel", "start", "class"];

    private readonly MarkdownFormatter _formatter = new();

    public static TheoryData<string> XssPayloads() => new(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "![x](https://evil.example/track.png)",
        "<form action=\"https://evil.example\"><button>go</button></form>",
        "`<script>` is fine in code, <b onmouseover=alert(1)>bold</b>",
        "<<script>script>alert(1)<</script>/script>",
        "[x](https://example.com\" onclick=\"alert(1))",
        "@<img src=x onerror=alert(1)>",
        "@bob<script>alert(1)</script>");

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Nothing_that_runs_or_loads_survives(string payload)
    {
        var document = new HtmlParser().ParseFragment(_formatter.ToSafeHtml(payload), new HtmlParser().ParseDocument("").Body!);
        var elements = document.SelectMany(n => n is IElement e ? e.DescendantsAndSelf<IElement>() : []).ToList();

        elements.Select(e => e.LocalName).ShouldAllBe(name => AllowedElements.Contains(name));
        elements.SelectMany(e => e.Attributes).Select(a => a.Name).ShouldAllBe(name => AllowedAttributes.Contains(name));
        elements.Select(e => e.GetAttribute("href")).OfType<string>()
            .ShouldAllBe(href => href.StartsWith("https://") || href.StartsWith("http://") || href.StartsWith("mailto:"));
        elements.Select(e => e.GetAttribute("class")).OfType<string>().ShouldAllBe(value => value == "mention");
    }

    [Fact]
    public void Typed_html_is_shown_as_text_not_markup() =>
        _formatter.ToSafeHtml("<img src=x onerror=alert(1)>").ShouldBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>");

    [Theory]
    [InlineData("**bold**", "<p><strong>bold</strong></p>")]
    [InlineData("*italic*", "<p><em>italic</em></p>")]
    [InlineData("~~gone~~", "<p><del>gone</del></p>")]
    [InlineData("`a < b`", "<p><code>a &lt; b</code></p>")]
    [InlineData("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>")]
    [InlineData("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>")]
    [InlineData("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>")]
    [InlineData("line one\nline two", "<p>line one<br>\nline two</p>")]
    public void Supported_markdown_renders(string markdown, string html) =>
        _formatter.ToSafeHtml(markdown).ShouldBe(html);

    [Fact]
    public void Code_blocks_keep_their_text_escaped()
    {
        var html = _formatter.ToSafeHtml("```\n<b>not bold</b>\n```");

        html.ShouldBe("<pre><code>&lt;b&gt;not bold&lt;/b&gt;\n</code></pre>");
    }

    [Fact]
    public void Links_open_in_a_new_tab_without_leaking_the_opener()
    {
        var html = _formatter.ToSafeHtml("[docs](https://example.com/docs) and https://example.org");

        html.ShouldContain("<a href=\"https://example.com/docs\" target=\"_blank\" rel=\"noopener noreferrer\">docs</a>");
        html.ShouldContain("<a href=\"https://example.org\" target=\"_blank\" rel=\"noopener noreferrer\">https://example.org</a>");
    }

    [Fact]
    public void Mentions_are_marked_and_addresses_and_code_are_not()
    {
        _formatter.ToSafeHtml("hi @carol.diaz, mail ann@example.com").ShouldBe(
            "<p>hi <span class=\"mention\">@carol.diaz</span>, mail ann@example.com</p>");
        _formatter.ToSafeHtml("`@bob`").ShouldBe("<p><code>@bob</code></p>");
    }

    public void Dispose() => _formatter.Dispose();
}
