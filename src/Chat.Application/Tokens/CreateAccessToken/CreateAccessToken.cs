using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Tokens;

namespace Chat.Application.Tokens.CreateAccessToken;

/// <param name="ExpiresInDays">Null for a token that lasts until revoked.</param>
public sealed record CreateAccessToken(string Name, int? ExpiresInDays = null);

/// <param name="Secret">The token itself: shown this once, never stored.</param>
public sealed record CreatedAccessToken(AccessTokenDto Token, string Secret);

/// <summary>A personal access token for the caller's own API clients and scripts.</summary>
public sealed class CreateAccessTokenHandler(ICurrentActor currentActor, IAccessTokenStore tokens, TimeProvider clock)
    : IUseCase<CreateAccessToken, CreatedAccessToken>
{
    public const int MaxActivePerUser = 20;
    public const int MaxDays = 366;

    public async Task<Result<CreatedAccessToken>> HandleAsync(CreateAccessToken request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return await TokenIssuer.IssueAsync(tokens, clock, userId.Value, request, cancellationToken);
    }
}

/// <summary>Issues a token to a user, within the limits every token has.</summary>
internal static class TokenIssuer
{
    public static async Task<Result<CreatedAccessToken>> IssueAsync(
        IAccessTokenStore tokens, TimeProvider clock, string userId, CreateAccessToken request, CancellationToken cancellationToken)
    {
        if (request.ExpiresInDays is < 1 or > CreateAccessTokenHandler.MaxDays)
        {
            return Error.Invalid("token.expiry_range", $"A token can last from 1 to {CreateAccessTokenHandler.MaxDays} days, or until revoked.");
        }

        var now = clock.GetUtcNow();
        var active = (await tokens.ListForUserAsync(userId, cancellationToken)).Count(t => t.IsActive(now));
        if (active >= CreateAccessTokenHandler.MaxActivePerUser)
        {
            return Error.Conflict("token.too_many", $"At most {CreateAccessTokenHandler.MaxActivePerUser} tokens can be in use at once: revoke one first.");
        }

        var (secret, hash, hint) = TokenSecrets.New();
        var token = AccessToken.Create(userId, request.Name, hash, hint, now, request.ExpiresInDays is { } days ? now.AddDays(days) : null);
        if (!token.Succeeded)
        {
            return token.Error!;
        }

        await tokens.AddAsync(token.Value, cancellationToken);
        return new CreatedAccessToken(AccessTokenDto.From(token.Value), secret);
    }
}
