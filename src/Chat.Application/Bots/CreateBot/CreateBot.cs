using Chat.Application.Audit;
using Chat.Application.Common;
using Chat.Domain.Audit;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Bots.CreateBot;

public sealed record CreateBot(string Handle, string DisplayName);

/// <summary>A workspace administrator creates a bot account for an integration (audited); it acts with tokens only.</summary>
public sealed class CreateBotHandler(ICurrentActor currentActor, IBotAccounts bots, IAuditLog audit, TimeProvider clock)
    : IUseCase<CreateBot, BotAccount>
{
    public async Task<Result<BotAccount>> HandleAsync(CreateBot request, CancellationToken cancellationToken = default)
    {
        var adminId = (await currentActor.GetAsync(cancellationToken)).RequireAdministrator("Only workspace administrators can create bots.");
        if (!adminId.Succeeded)
        {
            return adminId.Error!;
        }

        var handle = UserHandle.Create(request.Handle);
        if (!handle.Succeeded)
        {
            return handle.Error!;
        }

        var name = DisplayName.Create(request.DisplayName);
        if (!name.Succeeded)
        {
            return name.Error!;
        }

        var now = clock.GetUtcNow();
        var bot = await bots.CreateAsync(handle.Value, name.Value.Value, now, cancellationToken);
        if (bot is null)
        {
            return Error.Conflict("handle.taken", $"@{handle.Value} is taken; choose another handle.");
        }

        await audit.AppendAsync(AuditEntry.Record(now, adminId.Value, "bot.created", "user", bot.Id, $"@{bot.Handle}"), cancellationToken);
        return bot;
    }
}
