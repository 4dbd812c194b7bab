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

    /// <summary>The thread this message replies in; null for a message posted to the channel.</summary>
    public Guid? ThreadRootId { get; init; }

    /// <summary>A reply that was also sent to the channel.</summary>
    public bool AlsoInChannel { get; init; }

    /// <summary>Whether the channel's message list shows it: everything but replies kept to their thread.</summary>
    public bool IsInChannel => ThreadRootId is null || AlsoInChannel;

    /// <summary>The replies to this message, when it started a thread; null when nobody replied.</summary>
    public ThreadSummaryDto? Thread { get; init; }

    /// <summary>The people it mentions by name or with @here (members of the channel only).</summary>
    public IReadOnlyList<string> MentionedUserIds { get; init; } = [];

    /// <summary>Whether it mentions every member (@channel or @all).</summary>
    public bool MentionsChannel { get; init; }

    /// <summary>The files shared with it, in the order they were uploaded.</summary>
    public IReadOnlyList<AttachmentDto> Files { get; init; } = [];

    /// <summary>Whether it mentions <paramref name="userId"/>, by name, @here or @channel.</summary>
    public bool Mentions(string? userId) =>
        userId is not null && userId != SenderId && !IsDeleted && (MentionsChannel || MentionedUserIds.Contains(userId));
}

/// <summary>A thread as its root shows it: how many replies, the newest one's time, and who replied, most recent first.</summary>
/// <param name="ReplyCount">Only ever grows (deleted replies stay as tombstones), so it also orders thread updates.</param>
public sealed record ThreadSummaryDto(
    int ReplyCount, DateTimeOffset LastReplyAt, IReadOnlyList<string> ParticipantIds, IReadOnlyList<string> ParticipantNames);

/// <param name="Glyph">The emoji character(s) shown.</param>
/// <param name="UserIds">Who reacted, so the viewer's own reaction can be highlighted.</param>
/// <param name="UserNames">Who reacted, for the hover text.</param>
public sealed record ReactionDto(string EmojiId, string Glyph, IReadOnlyList<string> UserIds, IReadOnlyList<string> UserNames)
{
    public int Count => UserIds.Count;
}

/// <summary>A file shared with a message, as the message list shows it.</summary>
/// <param name="HasThumbnail">A clean image with a thumbnail at <c>/files/{id}/thumbnail</c>.</param>
public sealed record AttachmentDto(
    Guid Id, string Name, string ContentType, long Size, Chat.Domain.Files.ScanStatus ScanStatus, bool HasThumbnail,
    int? ThumbnailWidth = null, int? ThumbnailHeight = null)
{
    public static AttachmentDto From(Chat.Domain.Files.StoredFile file) => new(
        file.Id, file.OriginalName, file.ContentType, file.Size, file.ScanStatus,
        file.ThumbnailKey is not null && file.IsDownloadable, file.ThumbnailWidth, file.ThumbnailHeight);
}
