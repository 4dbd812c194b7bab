using Chat.Application.Common;
using Chat.Domain.Common;

namespace Chat.Application.Tokens.ListAccessTokens;

public sealed record ListAccessTokens;

/// <summary>The caller's own tokens, newest first, with when each was last used.</summary>
public sealed class ListAccessTokensHandler(ICurrentActor currentActor, IAccessTokenStore tokens)
    : IUseCase<ListAccessTokens, IReadOnlyList<AccessTokenDto>>
{
    public async Task<Result<IReadOnlyList<AccessTokenDto>>> HandleAsync(ListAccessTokens request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        return (await tokens.ListForUserAsync(userId.Value, cancellationToken)).Select(AccessTokenDto.From).ToList();
    }
}
