using Chat.Application.Common;
using Chat.Application.Tokens;
using Chat.Domain.Common;

namespace Chat.Application.Bots.ListBots;

public sealed record ListBots;

public sealed record BotWithTokens(BotAccount Bot, IReadOnlyList<AccessTokenDto> Tokens);

/// <summary>The workspace's bots with their tokens (never the secrets), for administrators.</summary>
public sealed class ListBotsHandler(ICurrentActor currentActor, IBotAccounts bots, IAccessTokenStore tokens)
    : IUseCase<ListBots, IReadOnlyList<BotWithTokens>>
{
    public async Task<Result<IReadOnlyList<BotWithTokens>>> HandleAsync(ListBots request, CancellationToken cancellationToken = default)
    {
        var adminId = (await currentActor.GetAsync(cancellationToken)).RequireAdministrator("Only workspace administrators can see the bots.");
        if (!adminId.Succeeded)
        {
            return adminId.Error!;
        }

        var listed = new List<BotWithTokens>();
        foreach (var bot in await bots.ListAsync(cancellationToken))
        {
            var held = await tokens.ListForUserAsync(bot.Id, cancellationToken);
            listed.Add(new BotWithTokens(bot, [.. held.Select(AccessTokenDto.From)]));
        }

        return listed;
    }
}
