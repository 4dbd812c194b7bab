namespace Chat.Domain.Messages;

/// <summary>The reactions a workspace offers, by stable id; ids outside this list are refused.</summary>
public static class Emoji
{
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["thumbsup"] = "👍",
        ["heart"] = "❤️",
        ["joy"] = "😂",
        ["tada"] = "🎉",
        ["eyes"] = "👀",
        ["white_check_mark"] = "✅",
        ["rocket"] = "🚀",
        ["pray"] = "🙏",
        ["thinking"] = "🤔",
        ["fire"] = "🔥",
    };

    public static bool IsKnown(string? id) => id is not null && Known.ContainsKey(id);
}
