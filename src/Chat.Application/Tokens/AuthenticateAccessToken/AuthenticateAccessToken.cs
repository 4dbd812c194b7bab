using Chat.Domain.Common;

namespace Chat.Application.Tokens.AuthenticateAccessToken;

/// <param name="Secret">What the client sent after <c>Bearer</c>.</param>
public sealed record AuthenticateAccessToken(string Secret);

/// <summary>Whose request a valid token makes.</summary>
public sealed record TokenHolder(string UserId, Guid TokenId, DateTimeOffset? ExpiresAt);

/// <summary>
/// Checks a presented token: known, not revoked, not expired. Notes its use (at most once a minute). Every refusal
/// looks the same, so a caller learns nothing about which tokens exist.
/// </summary>
public sealed class AuthenticateAccessTokenHandler(IAccessTokenStore tokens, TimeProvider clock)
{
    public static readonly Error Refused = new(ErrorKind.Unauthorized, "token.invalid", "The access token is not valid: it may be revoked or expired.");

    public async Task<Result<TokenHolder>> HandleAsync(AuthenticateAccessToken request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(request.Secret) || !request.Secret.StartsWith(TokenSecrets.Prefix, StringComparison.Ordinal) || request.Secret.Length > 200)
        {
            return Refused;
        }

        var token = await tokens.FindBySecretHashAsync(TokenSecrets.Hash(request.Secret), cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null || !token.IsActive(now))
        {
            return Refused;
        }

        if (token.RecordUse(now))
        {
            await tokens.SaveAsync(token, cancellationToken);
        }

        return new TokenHolder(token.UserId, token.Id, token.ExpiresAt);
    }
}
