using Chat.Application.Bots;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Identity;

/// <summary>Bots as Identity users without a password (so no sign-in form accepts them), in the Member role.</summary>
internal sealed class BotAccounts(IServiceScopeFactory scopes) : IBotAccounts
{
    // Bots need an address as every account does; this reserved domain never receives mail.
    private const string AddressDomain = "bots.invalid";

    public async Task<BotAccount?> CreateAsync(string handle, string displayName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.Users.AnyAsync(u => u.Handle == handle, cancellationToken))
        {
            return null;
        }

        var bot = new ApplicationUser
        {
            UserName = $"{handle}@{AddressDomain}",
            Email = $"{handle}@{AddressDomain}",
            Handle = handle,
            DisplayName = displayName,
            CreatedAt = at,
            IsBot = true,
        };
        if (!(await users.CreateAsync(bot)).Succeeded || !(await users.AddToRoleAsync(bot, WorkspaceRoles.Member)).Succeeded)
        {
            return null;
        }

        return ToAccount(bot);
    }

    public async Task<IReadOnlyList<BotAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var bots = await users.Users.AsNoTracking().Where(u => u.IsBot).OrderBy(u => u.Handle).ToListAsync(cancellationToken);
        return [.. bots.Select(ToAccount)];
    }

    public async Task<BotAccount?> FindAsync(string botId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var bot = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == botId && u.IsBot, cancellationToken);
        return bot is null ? null : ToAccount(bot);
    }

    private static BotAccount ToAccount(ApplicationUser user) => new(user.Id, user.Handle, user.DisplayName, user.CreatedAt);
}
