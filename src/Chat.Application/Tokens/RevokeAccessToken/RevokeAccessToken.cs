using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Tokens.RevokeAccessToken;

public sealed record RevokeAccessToken(Guid TokenId);

/// <summary>Ends one of the caller's tokens at once: the next request with it is refused.</summary>
public sealed class RevokeAccessTokenHandler(ICurrentActor currentActor, IAccessTokenStore tokens, TimeProvider clock)
    : IUseCase<RevokeAccessToken, AccessTokenDto>
{
    public async Task<Result<AccessTokenDto>> HandleAsync(RevokeAccessToken request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        // Somebody else's token is "not found", like one that does not exist.
        var token = await tokens.FindAsync(request.TokenId, cancellationToken);
        if (token is null || token.UserId != userId.Value)
        {
            return Error.NotFound("token.not_found", "There is no such token.");
        }

        token.Revoke(clock.GetUtcNow());
        await tokens.SaveAsync(token, cancellationToken);
        return AccessTokenDto.From(token);
    }
}
