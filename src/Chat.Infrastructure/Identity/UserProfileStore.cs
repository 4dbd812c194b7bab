using Chat.Application.Profile;
using Chat.Domain.Users;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Identity;

internal sealed class UserProfileStore(IDbContextFactory<ChatDbContext> contexts) : IUserProfileStore
{
    public async Task<UserProfile?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserProfile(u.Id, u.Email ?? string.Empty, u.DisplayName, u.Theme))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> SetDisplayNameAsync(
        string userId, DisplayName displayName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, displayName.Value), cancellationToken);
        return updated == 1;
    }

    public async Task<bool> SetThemeAsync(string userId, ThemePreference theme, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Theme, theme), cancellationToken);
        return updated == 1;
    }
}
