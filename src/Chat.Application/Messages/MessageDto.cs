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
    bool IsDeleted = false);
