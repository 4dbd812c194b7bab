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
            .Where(c => !c.IsArchived)
            .Join(db.ChannelMembers.Where(m => m.UserId == userId), c => c.Id, m => m.ChannelId, (c, m) => new { c, m })
            .OrderBy(x => x.c.Name)
            .Select(x => new ChannelSummary(
                x.c.Id,
                x.c.Name,
                x.c.Kind,
                x.m.LastReadSequence,
                db.Messages.Count(msg => msg.ChannelId == x.c.Id && msg.Sequence > x.m.LastReadSequence
                    && msg.SenderId != userId && msg.DeletedAt == null)))
            .ToListAsync(cancellationToken);
    }

    public async Task MarkReadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ChannelMembers
            .Where(m => m.ChannelId == channelId && m.UserId == userId && m.LastReadSequence < sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSequence, sequence), cancellationToken);
    }

    public async Task MarkUnreadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ChannelMembers
            .Where(m => m.ChannelId == channelId && m.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSequence, sequence - 1), cancellationToken);
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
