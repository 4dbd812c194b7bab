using Chat.Application.Messages;
using Chat.Application.Threads;
using Chat.Domain.Channels;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Threads;

internal sealed class ThreadStore(IDbContextFactory<ChatDbContext> contexts, IMessageStore messages) : IThreadStore
{
    public async Task<ThreadFollowing?> FindFollowingAsync(Guid rootMessageId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ThreadFollowers.Where(f => f.RootMessageId == rootMessageId && f.UserId == userId)
            .Select(f => new ThreadFollowing(f.LastReadSequence))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetFollowingAsync(
        Guid rootMessageId, Guid channelId, string userId, bool following, long readSequence, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var follower = await db.ThreadFollowers.SingleOrDefaultAsync(
            f => f.RootMessageId == rootMessageId && f.UserId == userId, cancellationToken);
        if (following == follower is not null)
        {
            return;
        }

        if (following)
        {
            db.ThreadFollowers.Add(new ThreadFollower(rootMessageId, userId, channelId, readSequence));
        }
        else
        {
            db.ThreadFollowers.Remove(follower!);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (following)
        {
            // Followed twice at once (a reply made them follow): the other one stored it.
        }
    }

    public async Task MarkReadAsync(Guid rootMessageId, string userId, long sequence, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Never past the channel's newest message, whatever a client claims to have read.
        var newest = await db.ThreadFollowers.Where(f => f.RootMessageId == rootMessageId)
            .Join(db.Channels, f => f.ChannelId, c => c.Id, (f, c) => c.LastSequence)
            .FirstOrDefaultAsync(cancellationToken);
        var read = Math.Min(sequence, newest);
        await db.ThreadFollowers
            .Where(f => f.RootMessageId == rootMessageId && f.UserId == userId && f.LastReadSequence < read)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastReadSequence, read), cancellationToken);
    }

    public async Task<IReadOnlyList<FollowedThread>> ListFollowedAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var followed = await Readable(db, userId)
            .Select(x => new
            {
                x.Follower.RootMessageId,
                x.Channel.Name,
                x.Channel.Kind,
                LastReply = db.Messages.Where(m => m.ThreadRootId == x.Follower.RootMessageId).Max(m => (long?)m.Sequence),
                Unread = db.Messages.Count(m => m.ThreadRootId == x.Follower.RootMessageId && m.Sequence > x.Follower.LastReadSequence
                    && m.SenderId != userId && m.DeletedAt == null),
            })
            .Where(x => x.LastReply != null)
            .ToListAsync(cancellationToken);

        // Sequences are per channel, so the newest reply across channels is told by time, after loading.
        var roots = (await messages.ListByIdsAsync([.. followed.Select(f => f.RootMessageId)], cancellationToken))
            .ToDictionary(m => m.Id);
        return [.. followed
            .Where(f => roots.ContainsKey(f.RootMessageId))
            .Select(f => new FollowedThread(roots[f.RootMessageId], f.Name, f.Kind, f.Unread))
            .OrderByDescending(t => t.Root.Thread?.LastReplyAt)
            .Take(limit)];
    }

    public async Task<IReadOnlyDictionary<Guid, int>> CountUnreadRepliesAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Readable(db, userId)
            .Select(x => new
            {
                x.Follower.RootMessageId,
                Unread = db.Messages.Count(m => m.ThreadRootId == x.Follower.RootMessageId && m.Sequence > x.Follower.LastReadSequence
                    && m.SenderId != userId && m.DeletedAt == null),
            })
            .ToDictionaryAsync(x => x.RootMessageId, x => x.Unread, cancellationToken);
    }

    // The user's follows in channels they can still read: public ones, and the others while they are a member.
    private static IQueryable<ReadableFollow> Readable(ChatDbContext db, string userId) =>
        db.ThreadFollowers.AsNoTracking()
            .Where(f => f.UserId == userId)
            .Join(db.Channels, f => f.ChannelId, c => c.Id, (f, c) => new ReadableFollow { Follower = f, Channel = c })
            .Where(x => x.Channel.Kind == ChannelKind.Public || db.ChannelMembers.Any(m => m.ChannelId == x.Channel.Id && m.UserId == userId));

    // Member initialisation, which EF translates through (a constructor it would not see into).
    private sealed class ReadableFollow
    {
        public required ThreadFollower Follower { get; init; }

        public required Channel Channel { get; init; }
    }
}
