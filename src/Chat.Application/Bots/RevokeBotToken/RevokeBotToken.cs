using Chat.Application.Audit;
using Chat.Application.Common;
using Chat.Application.Tokens;
using Chat.Domain.Audit;
using Chat.Domain.Common;

namespace Chat.Application.Bots.RevokeBotToken;

public sealed record RevokeBotToken(string BotId, Guid TokenId);

/// <summary>An administrator ends a bot's token at once (audited); its open hub connections close within seconds.</summary>
public sealed class RevokeBotTokenHandler(
    ICurrentActor currentActor, IBotAccounts bots, IAccessTokenStore tokens, IAuditLog audit, TimeProvider clock)
    : IUseCase<RevokeBotToken, AccessTokenDto>
{
    public async Task<Result<AccessTokenDto>> HandleAsync(RevokeBotToken request, CancellationToken cancellationToken = default)
    {
        var adminId = (await currentActor.GetAsync(cancellationToken)).RequireAdministrator("Only workspace administrators can revoke bot tokens.");
        if (!adminId.Succeeded)
        {
            return adminId.Error!;
        }

        // Only bots' tokens: a person's tokens are theirs to revoke.
        var token = await tokens.FindAsync(request.TokenId, cancellationToken);
        if (token is null || token.UserId != request.BotId || await bots.FindAsync(request.BotId, cancellationToken) is null)
        {
            return Error.NotFound("token.not_found", "There is no such token.");
        }

        var now = clock.GetUtcNow();
        token.Revoke(now);
        await tokens.SaveAsync(token, cancellationToken);
        await audit.AppendAsync(AuditEntry.Record(now, adminId.Value, "bot.token_revoked", "user", request.BotId, token.Name), cancellationToken);
        return AccessTokenDto.From(token);
    }
}
