using Chat.Application.Channels;
using Chat.Domain.Channels;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Channels;

internal sealed class ChannelStore(IDbContextFactory<ChatDbContext> contexts) : IChannelStore
{
    public Task<ChannelAccess?> GetAccessAsync(Guid channelId, string userId, CancellationToken cancellationToken) =>
        FindAsync(c => c.Id == channelId, userId, cancellationToken);

    public Task<ChannelAccess?> FindByNameAsync(string name, string userId, CancellationToken cancellationToken) =>
        FindAsync(c => c.Name == name, userId, cancellationToken);

    public async Task<IReadOnlyList<ChannelSummary>> ListForMemberAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking()
            .Where(c => !c.IsArchived && db.ChannelMembers.Any(m => m.ChannelId == c.Id && m.UserId == userId))
            .OrderBy(c => c.Name)
            .Select(c => new ChannelSummary(c.Id, c.Name, c.Kind, c.LastSequence))
            .ToListAsync(cancellationToken);
    }

    private async Task<ChannelAccess?> FindAsync(
        System.Linq.Expressions.Expression<Func<Channel, bool>> which, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking()
            .Where(which)
            .Select(c => new ChannelAccess(
                c.Id,
                c.Name,
                c.Kind,
                c.IsArchived,
                db.ChannelMembers.Where(m => m.ChannelId == c.Id && m.UserId == userId)
                    .Select(m => (ChannelRole?)m.Role).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
