using Chat.Domain.Common;

namespace Chat.Domain.Tokens;

/// <summary>
/// A personal access token (or a bot's): what an API client presents as <c>Authorization: Bearer</c>. Only a hash of
/// the secret is kept; the secret itself is shown once, when the token is created.
/// </summary>
public sealed class AccessToken
{
    public const int MaxNameLength = 80;

    // Last use is written at most this often: a busy client must not turn every request into a database write.
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    private AccessToken()
    {
        UserId = Name = SecretHash = Hint = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Whose requests the token makes.</summary>
    public string UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>SHA-256 of the secret, hex.</summary>
    public string SecretHash { get; private set; }

    /// <summary>The secret's first characters, to tell tokens apart in a list.</summary>
    public string Hint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static Result<AccessToken> Create(
        string userId, string name, string secretHash, string hint, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return Error.Invalid("token.name_required", "Give the token a name, so you know later what uses it.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return Error.Invalid("token.name_too_long", $"A token's name can be at most {MaxNameLength} characters.");
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            return Error.Invalid("token.expiry_past", "A token must expire in the future.");
        }

        return new AccessToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = trimmed,
            SecretHash = secretHash,
            Hint = hint,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Notes a use; answers whether it changed anything worth saving.</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < UseRecordedEvery)
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}
