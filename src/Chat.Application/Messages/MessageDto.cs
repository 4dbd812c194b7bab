namespace Chat.Application.Messages;

/// <summary>A message as clients see it; immutable so a list can skip re-rendering unchanged items.</summary>
public sealed record MessageDto(
    Guid Id,
    Guid ChannelId,
    long Sequence,
    string SenderId,
    string SenderName,
    string Body,
    DateTimeOffset CreatedAt,
    int Version);
