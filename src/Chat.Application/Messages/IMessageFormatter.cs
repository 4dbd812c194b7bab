namespace Chat.Application.Messages;

/// <summary>Turns a message's Markdown into HTML that is safe to put in the page as it is.</summary>
public interface IMessageFormatter
{
    /// <summary>
    /// Renders the supported Markdown (emphasis, strike, code, quotes, lists, links) and removes everything
    /// else that could run or load: scripts, event handlers, styles, frames and non-http(s)/mailto links.
    /// </summary>
    string ToSafeHtml(string markdown);
}
