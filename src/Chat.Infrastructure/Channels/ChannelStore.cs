using Chat.Application.Channels;
using Chat.Domain.Channels;
using Chat.Domain.Common;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Channels;

internal sealed class ChannelStore(IDbContextFactory<ChatDbContext> contexts, ReadCursorWriter readCursors) : IChannelStore
{
    // Every channel and message use case starts here, so the query is compiled once: building it per call made EF
    // compile a delegate for the nested member lookup each time, the send path's largest cost.
    private static readonly Func<ChatDbContext, Guid, string, CancellationToken, Task<ChannelAccess?>> AccessById =
        EF.CompileAsyncQuery((ChatDbContext db, Guid channelId, string userId, CancellationToken _) =>
            db.Channels.AsNoTracking().Where(c => c.Id == channelId)
                .Select(c => new ChannelAccess(
                    c.Id,
                    c.Name,
                    c.Kind,
                    c.IsArchived,
                    db.ChannelMembers.Where(m => m.ChannelId == c.Id && m.UserId == userId)
                        .Select(m => (ChannelRole?)m.Role).FirstOrDefault()))
                .SingleOrDefault());

    private static readonly Func<ChatDbContext, string, string, CancellationToken, Task<ChannelAccess?>> AccessByName =
        EF.CompileAsyncQuery((ChatDbContext db, string name, string userId, CancellationToken _) =>
            db.Channels.AsNoTracking().Where(c => c.Name == name)
                .Select(c => new ChannelAccess(
                    c.Id,
                    c.Name,
                    c.Kind,
                    c.IsArchived,
                    db.ChannelMembers.Where(m => m.ChannelId == c.Id && m.UserId == userId)
                        .Select(m => (ChannelRole?)m.Role).FirstOrDefault()))
                .SingleOrDefault());

    public async Task<ChannelAccess?> GetAccessAsync(Guid channelId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AccessById(db, channelId, userId, cancellationToken);
    }

    public async Task<ChannelAccess?> FindByNameAsync(string name, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AccessByName(db, name, userId, cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelSummary>> ListForMemberAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var summaries = await db.Channels.AsNoTracking()
            .Where(c => !c.IsArchived)
            .Join(db.ChannelMembers.Where(m => m.UserId == userId), c => c.Id, m => m.ChannelId, (c, m) => new { c, m })
            .OrderBy(x => x.c.Name)
            .Select(x => new ChannelSummary(
                x.c.Id,
                x.c.Name,
                x.c.Kind,
                x.m.LastReadSequence,
                db.Messages.Count(msg => msg.ChannelId == x.c.Id && msg.Sequence > x.m.LastReadSequence
                    && msg.SenderId != userId && msg.DeletedAt == null && (msg.ThreadRootId == null || msg.AlsoInChannel)),
                x.c.Name,
                x.c.LastSequence)
            {
                Mentions = db.MessageMentions.Count(mention => mention.UserId == userId && mention.ChannelId == x.c.Id
                        && mention.Sequence > x.m.LastReadSequence)
                    + db.Messages.Count(msg => msg.ChannelId == x.c.Id && msg.Sequence > x.m.LastReadSequence
                        && msg.MentionsChannel && msg.SenderId != userId && msg.DeletedAt == null),
            })
            .ToListAsync(cancellationToken);

        // Direct messages are titled by the other people in them.
        var direct = summaries.Where(s => s.Kind is ChannelKind.Direct or ChannelKind.Group).Select(s => s.Id).ToList();
        if (direct.Count == 0)
        {
            return summaries;
        }

        var others = await db.ChannelMembers.AsNoTracking()
            .Where(m => direct.Contains(m.ChannelId) && m.UserId != userId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ChannelId, m.UserId, u.DisplayName })
            .ToListAsync(cancellationToken);
        var peers = others.GroupBy(o => o.ChannelId).ToDictionary(
            g => g.Key,
            g => (Title: string.Join(", ", g.Select(o => o.DisplayName).Order(StringComparer.CurrentCulture)), Ids: g.Select(o => o.UserId).ToList()));
        return [.. summaries
            .Select(s => peers.TryGetValue(s.Id, out var peer) ? s with { Title = peer.Title, PeerIds = peer.Ids } : s)
            .OrderBy(s => s.Kind is ChannelKind.Direct or ChannelKind.Group)
            .ThenBy(s => s.Title, StringComparer.CurrentCulture)];
    }

    public async Task<bool> AddAsync(Channel channel, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Channels.AnyAsync(c => c.Name == channel.Name, cancellationToken))
        {
            return false;
        }

        db.Channels.Add(channel);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Someone took the name between the check and the insert; the unique index decided.
            return false;
        }
    }

    public async Task<IReadOnlyList<PublicChannel>> ListPublicAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking()
            .Where(c => c.Kind == ChannelKind.Public && !c.IsArchived)
            .OrderBy(c => c.Name)
            .Select(c => new PublicChannel(
                c.Id,
                c.Name,
                c.Topic,
                db.ChannelMembers.Count(m => m.ChannelId == c.Id),
                db.ChannelMembers.Any(m => m.ChannelId == c.Id && m.UserId == userId)))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<Channel>> ChangeAsync(Guid channelId, Func<Channel, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return Error.NotFound("channel.not_found", "That channel does not exist or you do not have access to it.");
        }

        var changed = change(channel);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        if (db.Entry(channel).Property(c => c.Name).IsModified
            && await db.Channels.AnyAsync(c => c.Name == channel.Name && c.Id != channelId, cancellationToken))
        {
            return NameTaken(channel.Name);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone took the name between the check and the update; the unique index decided.
            return NameTaken(channel.Name);
        }

        return channel;
    }

    private static Error NameTaken(string name) =>
        Error.Conflict("channel.name_taken", $"A channel named #{name} already exists.");

    public async Task<IReadOnlyList<string>> ListMemberIdsAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChannelMembers.Where(m => m.ChannelId == channelId).Select(m => m.UserId).ToListAsync(cancellationToken);
    }

    public async Task AddMemberAsync(Guid channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.Include(c => c.Members).SingleAsync(c => c.Id == channelId, cancellationToken);
        channel.AddMember(userId, at);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Joined twice at once: fine when the other request already made the membership.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await check.ChannelMembers.AnyAsync(m => m.ChannelId == channelId && m.UserId == userId, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task RemoveMemberAsync(Guid channelId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ChannelMembers.Where(m => m.ChannelId == channelId && m.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public Task<bool> MarkReadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken) =>
        readCursors.MoveAsync(channelId, userId, sequence, cancellationToken);

    public async Task MarkUnreadAsync(Guid channelId, string userId, long sequence, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ChannelMembers
            .Where(m => m.ChannelId == channelId && m.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSequence, sequence - 1), cancellationToken);
    }
}
