using Chat.Application.Tokens;
using Chat.Domain.Tokens;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Tokens;

internal sealed class AccessTokenStore(IDbContextFactory<ChatDbContext> contexts) : IAccessTokenStore
{
    public async Task AddAsync(AccessToken token, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AccessToken?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<AccessToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == secretHash, cancellationToken);
    }

    public async Task<IReadOnlyList<AccessToken>> ListForUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return [.. tokens.OrderByDescending(t => t.CreatedAt)];
    }

    public async Task<IReadOnlySet<Guid>> ListEndedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.AccessTokens.AsNoTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(cancellationToken);
            active.UnionWith(found.Where(t => t.IsActive(now)).Select(t => t.Id));
        }

        return ids.Where(id => !active.Contains(id)).ToHashSet();
    }

    public async Task SaveAsync(AccessToken token, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AccessTokens.Update(token);
        await db.SaveChangesAsync(cancellationToken);
    }
}
