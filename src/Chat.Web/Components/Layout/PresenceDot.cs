using Chat.Application.Presence;
using Microsoft.AspNetCore.Components;

namespace Chat.Web.Components.Layout;

/// <summary>
/// A colleague's status as a dot: green online, hollow away, grey offline, red do-not-disturb. Four shared pieces of
/// markup rather than a component per dot, since the sidebar shows one per conversation in every circuit.
/// </summary>
internal static class PresenceDot
{
    private static readonly Dictionary<PresenceStatus, MarkupString> Dots = Enum.GetValues<PresenceStatus>().ToDictionary(
        status => status,
        status => new MarkupString(
            $"<span class=\"presence-dot presence-{status.ToString().ToLowerInvariant()}\" role=\"img\" aria-label=\"{Label(status)}\" " +
            $"title=\"{Label(status)}\" data-presence=\"{status}\"></span>"));

    public static MarkupString For(PresenceStatus status) => Dots[status];

    private static string Label(PresenceStatus status) => status switch
    {
        PresenceStatus.Online => "Online",
        PresenceStatus.Away => "Away",
        PresenceStatus.DoNotDisturb => "Do not disturb",
        _ => "Offline",
    };
}
