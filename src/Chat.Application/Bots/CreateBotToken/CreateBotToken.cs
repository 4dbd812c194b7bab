using Chat.Application.Audit;
using Chat.Application.Common;
using Chat.Application.Tokens;
using Chat.Application.Tokens.CreateAccessToken;
using Chat.Domain.Audit;
using Chat.Domain.Common;

namespace Chat.Application.Bots.CreateBotToken;

public sealed record CreateBotToken(string BotId, string Name, int? ExpiresInDays = null);

/// <summary>An administrator issues a token to a bot (shown once, audited).</summary>
public sealed class CreateBotTokenHandler(
    ICurrentActor currentActor, IBotAccounts bots, IAccessTokenStore tokens, IAuditLog audit, TimeProvider clock)
    : IUseCase<CreateBotToken, CreatedAccessToken>
{
    public async Task<Result<CreatedAccessToken>> HandleAsync(CreateBotToken request, CancellationToken cancellationToken = default)
    {
        var adminId = (await currentActor.GetAsync(cancellationToken)).RequireAdministrator("Only workspace administrators can issue bot tokens.");
        if (!adminId.Succeeded)
        {
            return adminId.Error!;
        }

        if (await bots.FindAsync(request.BotId, cancellationToken) is null)
        {
            return Error.NotFound("bot.not_found", "There is no such bot.");
        }

        var created = await TokenIssuer.IssueAsync(
            tokens, clock, request.BotId, new CreateAccessToken(request.Name, request.ExpiresInDays), cancellationToken);
        if (created.Succeeded)
        {
            await audit.AppendAsync(
                AuditEntry.Record(clock.GetUtcNow(), adminId.Value, "bot.token_created", "user", request.BotId, created.Value.Token.Name),
                cancellationToken);
        }

        return created;
    }
}
