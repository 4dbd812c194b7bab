using Chat.Domain.Tokens;

namespace Chat.Application.Tokens;

/// <summary>What the owner sees of a token: never its secret.</summary>
public sealed record AccessTokenDto(
    Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public static AccessTokenDto From(AccessToken token) =>
        new(token.Id, token.Name, token.Hint, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}
