using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Chat.Application.Messages;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Channels;

/// <summary>
/// What every viewer of a message sees alike (its header, its body, its element id) as markup built once per message
/// version and shared by all their tabs. A message in a channel of 1,000 viewers is rendered 1,000 times; built per
/// render, these parts cost each render a dozen frames and as many new strings, and each tab kept them for as long
/// as it showed the message.
/// </summary>
internal sealed class MessageMarkup
{
    private static readonly ConditionalWeakTable<MessageDto, MessageMarkup> Built = new();

    // Article classes for each combination of deleted, continuation, highlighted and mentions-me, so none is
    // concatenated per render.
    private static readonly string[] ArticleClasses = Enumerable.Range(0, 16).Select(flags => string.Join(' ',
        new[] { "message", (flags & 1) != 0 ? "message-deleted" : null, (flags & 2) != 0 ? "continuation" : null,
            (flags & 4) != 0 ? "highlighted" : null, (flags & 8) != 0 ? "mentions-me" : null }.OfType<string>())).ToArray();

    // The actions button of a quiet message (see MessageBlock): no handler of its own, the list's script answers it.
    private static readonly string QuietMoreButton =
        "<button type=\"button\" class=\"message-more\" data-opens-actions aria-label=\"Message actions\" aria-haspopup=\"menu\" aria-expanded=\"false\">"
        + Layout.ShellIcons.More.Value + "</button>";

    // A long message (a pasted log, a long announcement) is shown folded, with a button that unfolds it (shell.js).
    private const int LongCharacters = 1500;
    private const int LongLines = 20;
    private const string ShowMoreButton =
        "<button type=\"button\" class=\"message-show-more\" aria-expanded=\"false\">Show more</button>";

    private readonly MessageDto _message;
    private ZonedHeader[] _zones = [];

    private MessageMarkup(MessageDto message)
    {
        _message = message;
        ElementId = $"message-{message.Sequence}";
        Sequence = message.Sequence.ToString(CultureInfo.InvariantCulture);
        var html = message.EditedAt is null ? message.BodyHtml : WithEditedMark(message.BodyHtml);
        Body = new MarkupString(message.IsDeleted
            ? "<div class=\"message-body message-tombstone\">message deleted</div>"
            : IsLong(message.Body)
                ? $"<div class=\"message-body message-long\">{html}</div>{ShowMoreButton}"
                : $"<div class=\"message-body\">{html}</div>");
    }

    public string ElementId { get; }

    public string Sequence { get; }

    /// <summary>The body (sanitised Markdown, <see cref="IMessageFormatter"/>), or the tombstone of a deleted message.</summary>
    public MarkupString Body { get; }

    // "(edited)" follows the text on its last line, as in Slack, also where the name and time are folded away.
    private static string WithEditedMark(string bodyHtml)
    {
        var html = bodyHtml.TrimEnd();
        return html.EndsWith("</p>", StringComparison.Ordinal)
            ? string.Concat(html.AsSpan(0, html.Length - 4), EditedMark, "</p>")
            : html + EditedMark;
    }

    private const string EditedMark = " <span class=\"message-edited\">(edited)</span>";

    private static bool IsLong(string body) => body.Length > LongCharacters || body.AsSpan().Count('\n') >= LongLines;

    public static MessageMarkup Of(MessageDto message) => Built.GetValue(message, m => new MessageMarkup(m));

    public static string ArticleClass(bool deleted, bool continuation, bool highlighted, bool mentionsViewer) =>
        ArticleClasses[ArticleFlags(deleted, continuation, highlighted, mentionsViewer)];

    private static int ArticleFlags(bool deleted, bool continuation, bool highlighted, bool mentionsViewer) =>
        (deleted ? 1 : 0) | (continuation ? 2 : 0) | (highlighted ? 4 : 0) | (mentionsViewer ? 8 : 0);

    /// <summary>Sender, time and marks, with times in the viewer's zone; in a thread without "replied to a thread".</summary>
    public MarkupString Header(TimeZoneInfo zone, bool inThread)
    {
        var header = InZone(zone);
        return inThread ? header.InThread : header.InChannel;
    }

    /// <summary>
    /// The whole article of a quiet message in the channel (see MessageBlock): one markup frame in each tab that shows
    /// it, where elements and attributes took seven, and each tab's render tree kept every frame twice.
    /// </summary>
    public MarkupString Quiet(TimeZoneInfo zone, bool continuation, bool highlighted, bool mentionsViewer)
    {
        var header = InZone(zone);
        var flags = ArticleFlags(deleted: false, continuation, highlighted, mentionsViewer);

        // Tabs rendering at once may both build a variant; either copy will do.
        return new MarkupString(header.Quiet[flags >> 1] ??=
            $"<article class=\"{ArticleClasses[flags]}\" id=\"{ElementId}\" data-sequence=\"{Sequence}\">{header.InChannel}{QuietMoreButton}{Body}</article>");
    }

    // Viewers of one workspace share a few zones: each zone's markup is built once and kept beside the others, so
    // viewers in two zones rendering in turn do not rebuild it for each other. Two tabs adding a zone at once may
    // each build it; one copy is kept.
    private ZonedHeader InZone(TimeZoneInfo zone)
    {
        var zones = _zones;
        foreach (var known in zones)
        {
            if (known.Zone.Equals(zone))
            {
                return known;
            }
        }

        // Only a reply also sent to the channel reads differently in its thread.
        var inChannel = BuildHeader(zone, inThread: false);
        var header = new ZonedHeader(zone, inChannel, RepliedToThread ? BuildHeader(zone, inThread: true) : inChannel);
        _zones = [.. zones, header];
        return header;
    }

    private bool RepliedToThread => _message.ThreadRootId is not null && _message.AlsoInChannel;

    private MarkupString BuildHeader(TimeZoneInfo zone, bool inThread)
    {
        var html = HtmlEncoder.Default;
        var created = TimeZoneInfo.ConvertTime(_message.CreatedAt, zone);
        var header = new DefaultInterpolatedStringHandler(256, 0, CultureInfo.InvariantCulture);
        header.AppendLiteral("<div class=\"message-meta\"><span class=\"message-sender\">");
        header.AppendLiteral(html.Encode(_message.SenderName));
        header.AppendLiteral("</span><time class=\"message-time\" datetime=\"");
        header.AppendFormatted(_message.CreatedAt, "O");
        header.AppendLiteral("\" title=\"");
        header.AppendLiteral(Layout.ViewerClock.Exact(_message.CreatedAt, zone));
        header.AppendLiteral("\">");
        header.AppendFormatted(created, "HH:mm");
        header.AppendLiteral("</time>");
        if (RepliedToThread && !inThread)
        {
            header.AppendLiteral("<span class=\"message-also-sent\">replied to a thread</span>");
        }

        if (_message.IsPinned)
        {
            header.AppendLiteral("<span class=\"message-pinned\">pinned</span>");
        }

        header.AppendLiteral("</div>");
        return new MarkupString(header.ToStringAndClear());
    }

    private sealed record ZonedHeader(TimeZoneInfo Zone, MarkupString InChannel, MarkupString InThread)
    {
        /// <summary>The quiet article for each combination of continuation, highlighted and mentions-me, once asked for.</summary>
        public string?[] Quiet { get; } = new string?[8];
    }
}
