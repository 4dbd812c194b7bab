namespace Chat.Application.Messages;

/// <summary>A message as clients see it; immutable so a list can skip re-rendering unchanged items.</summary>
/// <param name="Body">The Markdown as typed.</param>
/// <param name="BodyHtml">The Markdown rendered and sanitised (<see cref="IMessageFormatter"/>), safe to show as is.</param>
public sealed record MessageDto(
    Guid Id,
    Guid ChannelId,
    long Sequence,
    string SenderId,
    string SenderName,
    string Body,
    string BodyHtml,
    DateTimeOffset CreatedAt,
    int Version,
    DateTimeOffset? EditedAt = null,
    bool IsDeleted = false)
{
    /// <summary>Reactions grouped by emoji, in the order they were first used.</summary>
    public IReadOnlyList<ReactionDto> Reactions { get; init; } = [];

    public int ReactionRevision { get; init; }

    public bool IsPinned { get; init; }
}

/// <param name="Glyph">The emoji character(s) shown.</param>
/// <param name="UserIds">Who reacted, so the viewer's own reaction can be highlighted.</param>
/// <param name="UserNames">Who reacted, for the hover text.</param>
public sealed record ReactionDto(string EmojiId, string Glyph, IReadOnlyList<string> UserIds, IReadOnlyList<string> UserNames)
{
    public int Count => UserIds.Count;
}
