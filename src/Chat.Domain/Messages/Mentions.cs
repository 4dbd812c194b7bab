using System.Text.RegularExpressions;

namespace Chat.Domain.Messages;

/// <summary>Who a message mentions everyone in the channel: @channel and @all everyone, @here those online.</summary>
public enum Broadcast
{
    Channel,
    Here,
}

/// <summary>
/// The mentions in a message's text: <c>@handle</c> for people, <c>@channel</c>/<c>@all</c>/<c>@here</c> for everyone.
/// Text inside code spans and code blocks mentions nobody, as it renders literally.
/// </summary>
public sealed partial record Mentions(IReadOnlyList<string> Handles, Broadcast? Broadcast)
{
    public static Mentions Parse(string text)
    {
        var prose = CodeBlock().Replace(text, " ");
        prose = CodeSpan().Replace(prose, " ");
        var handles = new List<string>();
        Broadcast? broadcast = null;
        foreach (Match match in Mention().Matches(prose))
        {
            var handle = match.Groups["handle"].Value.ToLowerInvariant().TrimEnd('.', '-', '_');
            switch (handle)
            {
                case "channel" or "all":
                    broadcast = Messages.Broadcast.Channel;
                    break;
                case "here":
                    broadcast ??= Messages.Broadcast.Here;
                    break;
                default:
                    if (!handles.Contains(handle))
                    {
                        handles.Add(handle);
                    }

                    break;
            }
        }

        return new Mentions(handles, broadcast);
    }

    // An @ that does not follow a word character, so e-mail addresses (ann@example.com) mention nobody.
    [GeneratedRegex(@"(?<![\w@])@(?<handle>[A-Za-z0-9][A-Za-z0-9._-]{0,39})")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^(```|~~~).*?(^\1|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();
}
